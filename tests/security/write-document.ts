/** `npm run docs:security`: writes docs/security.md's access table from tests/security/access-table.ts. */
import fs from 'node:fs';
import { securityDocument } from './document.ts';

const file = 'docs/security.md';
fs.writeFileSync(file, securityDocument(fs.readFileSync(file, 'utf8')));
console.log(`${file}: the access table is written from tests/security/access-table.ts.`);
