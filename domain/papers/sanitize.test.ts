import { getSchema } from '@tiptap/core';
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { isSafeUrl, paperExtensions } from './editor-schema.ts';
import { paperJsonToHtml, sanitizePaperHtml, yDocToPaper } from './sanitize.ts';

// ---------------------------------------------------------------------------------------------
// An independent checker of the output (it shares no code with the sanitizer).
// ---------------------------------------------------------------------------------------------

const ALLOWED: Record<string, string[]> = {
  p: [], h1: [], h2: [], h3: [], h4: [], strong: [], em: [], s: [], code: [], pre: [], ul: [], li: [],
  blockquote: [], br: [], hr: [], table: [], thead: [], tbody: [], tr: [],
  a: ['href', 'rel', 'target'],
  th: ['colspan', 'rowspan'],
  td: ['colspan', 'rowspan'],
  ol: ['start'],
  cite: ['data-version', 'data-paragraph', 'data-organization'],
};

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', nbsp: ' ' };

/** Decodes character references repeatedly (so double encodings are seen through). */
function decode(text: string): string {
  let current = text;
  for (let i = 0; i < 5; i++) {
    const next = current.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);?/gi, (match, ref: string) => {
      if (ref[0] === '#') {
        const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
        return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      return NAMED[ref.toLowerCase()] ?? match;
    });
    if (next === current) break;
    current = next;
  }
  return current;
}

const DANGEROUS_SCHEME = /(?:javascript|vbscript|data|file):/i;
const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>/g;
const ATTRIBUTE = /\s+([^\s"'=<>/]+)="([^"]*)"/g;

/**
 * Fails unless `html` is inert: only allow-listed tags and attributes, no event handler, no style,
 * no dangerous scheme anywhere (after decoding entities and dropping whitespace/controls), and
 * every `<`/`>` outside the allowed tags escaped as text.
 */
function expectInert(html: string): void {
  expect(html).not.toMatch(/<\s*script/i);
  expect(html).not.toMatch(/<\s*\/?\s*(?:style|iframe|object|embed|svg|math|form|meta|base|img|link|input|button|template|noscript|textarea|xmp|body|video|details)\b/i);
  expect(decode(html).replace(/[\s\u0000-\u001f\u007f-\u009f]/g, '')).not.toMatch(/(?:javascript|vbscript|data):/i);
  // Outside real tags, no raw angle bracket: any markup in text is escaped.
  expect(html.replace(TAG, '')).not.toMatch(/[<>]/);
  for (const [, closing, name, rest] of html.matchAll(TAG)) {
    const tag = name!.toLowerCase();
    expect(Object.keys(ALLOWED), `tag <${tag}> in ${html}`).toContain(tag);
    if (closing) {
      expect(rest).toBe('');
      continue;
    }
    // Nothing in the tag but well-formed name="value" pairs (so `on…=` cannot hide unquoted).
    expect(rest!.replace(ATTRIBUTE, '').trim(), `tag ${name}${rest}`).toMatch(/^\/?$/);
    for (const [, attribute, value] of rest!.matchAll(ATTRIBUTE)) {
      expect(attribute).not.toMatch(/^on/i);
      expect(ALLOWED[tag], `attribute ${attribute} on <${tag}>`).toContain(attribute!.toLowerCase());
      expect(decode(value!).replace(/[\s\u0000-\u001f]/g, '')).not.toMatch(DANGEROUS_SCHEME);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Corpus
// ---------------------------------------------------------------------------------------------

const XSS_PAYLOADS: string[] = [
  '<script>alert(1)</script>',
  '<SCRIPT SRC=//evil.example/x.js></SCRIPT>',
  '<scr<script>ipt>alert(1)</scr</script>ipt>',
  '<img src=x onerror=alert(1)>',
  `<IMG SRC="javascript:alert('XSS');">`,
  '<img src=x:alert(alt) onerror=eval(src) alt=0>',
  '<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
  '<svg><animate onbegin=alert(1) attributeName=x dur=1s>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
  '<iframe src="data:text/html,<script>alert(1)</script>"></iframe>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href="JaVaScRiPt:alert(1)">x</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">x</a>',
  '<a href="&#x6A;&#x61;&#x76;&#x61;&#x73;&#x63;&#x72;&#x69;&#x70;&#x74;&#x3A;alert(1)">x</a>',
  '<a href="&#0000106&#0000097vascript:alert(1)">x</a>',
  '<a href="jav&#x09;ascript:alert(1)">x</a>',
  '<a href="jav&#x0A;ascript:alert(1)">x</a>',
  '<a href="jav\tascript:alert(1)">x</a>',
  '<a href="java\nscript:alert(1)">x</a>',
  '<a href=" &#14;  javascript:alert(1)">x</a>',
  '<a href="javascript&colon;alert(1)">x</a>',
  '<a href="\u0000javascript:alert(1)">x</a>',
  '<a href="java&#0;script:alert(1)">x</a>',
  '<a href="&#x26;#106;avascript:alert(1)">x</a>',
  '<a href="%6A%61vascript:alert(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<a href="DATA:text/html,<script>alert(1)</script>">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="VBScript&#58;msgbox(1)">x</a>',
  '<a href="javascript:alert(1)" id="x" class="y" style="color:red">x</a>',
  '<a href="x" onmouseover="alert(1)">x</a>',
  `<a href='x' title='a"b' onclick='alert(1)'>x</a>`,
  '<a href="https://iom.int" onclick="alert(1)" target="_self" rel="opener">x</a>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math href="javascript:alert(1)">CLICK</math>',
  '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">x</maction></math>',
  '<p style="width: expression(alert(1))">x</p>',
  '<div style="background:url(javascript:alert(1))">x</div>',
  "<style>@import 'javascript:alert(1)';</style>",
  '<form action="javascript:alert(1)"><input type=submit></form>',
  '<button formaction="javascript:alert(1)">x</button>',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<object data="data:text/html,<script>alert(1)</script>"></object>',
  '<embed src="javascript:alert(1)">',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<p title="&quot; onmouseover=alert(1) x=&quot;">x</p>',
  '"><script>alert(1)</script>',
  "'><img src=x onerror=alert(1)>",
  '<img src="x" onerror="alert(1)"',
  '<a href="javascript:alert(1)"',
  '<p><a href="javascript:alert(1)">unclosed',
  '<!--<img src=x onerror=alert(1)>-->',
  '<!--[if gte IE 4]><script>alert(1)</script><![endif]-->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<template><img src=x onerror=alert(1)></template>',
  '<body onload=alert(1)>',
  '<video><source onerror="alert(1)"></video>',
  '<details open ontoggle=alert(1)>',
  '<table background="javascript:alert(1)"><tr><td onclick=alert(1) colspan="2 onclick=alert(1)">x</td></tr></table>',
  '<textarea><script>alert(1)</script></textarea>',
  '<xmp><img src=x onerror=alert(1)></xmp>',
  '<input onfocus=alert(1) autofocus>',
  '<p>< img src=x onerror=alert(1)></p>',
  '<a href="//evil.example">x</a>',
  '<ol start="1 onclick=alert(1)"><li>x</li></ol>',
  '<h1 id="x" class="y" onclick="alert(1)">Title</h1>',
];

describe('isSafeUrl', () => {
  it.each([
    'https://www.iom.int/fr/migration',
    'http://example.org/a?b=1&tab=2',
    'HTTPS://EXAMPLE.ORG/',
    'https://example.org/a%20b',
    'mailto:idm@iom.int',
    '/papers/42',
    'annexe.pdf',
    '../annexes/a.pdf',
    '#section-2',
    '?page=2',
  ])('accepts %j', (url) => {
    expect(isSafeUrl(url)).toBe(true);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'javascript:alert(1) ',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    '\u0000javascript:alert(1)',
    'java\u0000script:alert(1)',
    '\u200bjavascript:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    '&#106avascript:alert(1)',
    'jav&#x09;ascript:alert(1)',
    'javascript&colon;alert(1)',
    '&amp;#106;avascript:alert(1)',
    '%6Aavascript:alert(1)',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:image/svg+xml;base64,PHN2Zz4=',
    'file:///etc/passwd',
    'ftp://example.org/',
    '//evil.example/',
    '\\\\evil.example\\',
    'https:evil.example',
    'https://',
    'mailto:',
    'https://example.org/a b',
    '',
  ])('refuses %j', (url) => {
    expect(isSafeUrl(url)).toBe(false);
  });

  it('refuses what is not a string', () => {
    expect(isSafeUrl(null as unknown as string)).toBe(false);
    expect(isSafeUrl(undefined as unknown as string)).toBe(false);
  });
});

describe('the output checker', () => {
  // The checker must be able to fail, or the corpus proves nothing.
  it.each([
    '<img src=x onerror=alert(1)>',
    '<p onclick="alert(1)">x</p>',
    '<a href="javascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<p style="color:red">x</p>',
    '<script>alert(1)</script>',
    '<p>a <b</p>',
    '<a href=javascript:alert(1)>x</a>',
  ])('flags %j', (html) => {
    expect(() => expectInert(html)).toThrow();
  });

  it('passes clean markup', () => {
    expectInert('<p>a &lt;b&gt; <a href="https://iom.int" rel="noopener noreferrer nofollow" target="_blank">c</a></p>');
  });
});

describe('sanitizePaperHtml', () => {
  it('has a corpus of at least 40 payloads', () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(40);
  });

  it.each(XSS_PAYLOADS.map((payload, index) => [index, payload] as const))('neutralises payload #%i: %j', (_index, payload) => {
    const output = sanitizePaperHtml(payload);
    expectInert(output);
    // And the sanitizer is idempotent on its own output.
    expect(sanitizePaperHtml(output)).toBe(output);
  });

  it('drops an unsafe href but keeps the link text, and adds rel/target to every link', () => {
    expect(sanitizePaperHtml('<p><a href="jav&#x09;ascript:alert(1)" target="_self">Lire</a></p>')).toBe(
      '<p><a rel="noopener noreferrer nofollow" target="_blank">Lire</a></p>',
    );
    expect(sanitizePaperHtml('<a href="https://www.iom.int/" rel="opener" target="_self" title="t">IOM</a>')).toBe(
      '<a rel="noopener noreferrer nofollow" target="_blank" href="https://www.iom.int/">IOM</a>',
    );
    expect(sanitizePaperHtml('<a href="mailto:idm@iom.int">écrire</a>')).toContain('href="mailto:idm@iom.int"');
    expect(sanitizePaperHtml('<a href="#section-2">§2</a>')).toContain('href="#section-2"');
  });

  it('keeps the text of other disallowed tags but removes the content of script-like ones', () => {
    expect(sanitizePaperHtml('<div><span class="x">Bonjour</span> <u>à tous</u></div>')).toBe('Bonjour à tous');
    const output = sanitizePaperHtml(
      '<p>visible</p><script>s1</script><style>s2</style><iframe>s3</iframe><object>s4</object><svg><a href="https://x.org">s5</a></svg>' +
        '<math><mi>s6</mi></math><template><p>s7</p></template><noscript><p>s8</p></noscript><embed>after',
    );
    expect(output).toBe('<p>visible</p>after');
  });

  it('keeps only numeric spans and list starts', () => {
    expect(sanitizePaperHtml('<table><tr><th colspan="2" style="x">A</th><td rowspan="3" colspan="2;x">B</td></tr></table>')).toBe(
      '<table><tr><th colspan="2">A</th><td rowspan="3">B</td></tr></table>',
    );
    expect(sanitizePaperHtml('<ol start="4" type="a"><li>d</li></ol>')).toBe('<ol start="4"><li>d</li></ol>');
  });

  it('escapes markup that arrives as text', () => {
    expect(sanitizePaperHtml('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>')).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });
});

// ---------------------------------------------------------------------------------------------
// Editor JSON
// ---------------------------------------------------------------------------------------------

const text = (value: string, marks?: unknown[]) => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });

describe('paperJsonToHtml', () => {
  it('renders hostile editor JSON safely and keeps the text as escaped text', () => {
    const html = paperJsonToHtml({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2, onclick: 'alert(1)', id: 'x' }, content: [text('<script>alert(1)</script>')] },
        paragraph(
          text('piège', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }]),
          text(' et '),
          text('lien', [{ type: 'link', attrs: { href: 'https://www.iom.int', class: 'evil', rel: 'opener', target: '_self', title: 't' } }]),
          text(' gras', [{ type: 'bold' }, { type: 'evilMark', attrs: { onclick: 'x' } }]),
        ),
        { type: 'iframe', attrs: { src: 'javascript:alert(1)', srcdoc: '<script>alert(1)</script>' }, content: [paragraph(text('dans le cadre'))] },
        { type: 'paragraph', attrs: { onclick: 'alert(1)', style: 'x' }, content: [text('"><img src=x onerror=alert(1)>')] },
      ],
    });
    expectInert(html);
    expect(html).toBe(
      '<h2>&lt;script&gt;alert(1)&lt;/script&gt;</h2>' +
        '<p>piège et <a rel="noopener noreferrer nofollow" target="_blank" href="https://www.iom.int">lien</a><strong> gras</strong></p>' +
        '<p>dans le cadre</p>' +
        '<p>"&gt;&lt;img src=x onerror=alert(1)&gt;</p>',
    );
  });

  it('does not throw on malformed JSON', () => {
    const circular: Record<string, unknown> = { type: 'paragraph' };
    circular.content = [circular];
    let deep: unknown = text('deep');
    for (let i = 0; i < 10_000; i++) deep = { type: 'blockquote', content: [deep] };
    for (const input of [
      null,
      undefined,
      42,
      'doc',
      [],
      { type: 'paragraph', content: [text('not a doc')] },
      { type: 'doc', content: 'x' },
      { type: 'doc', content: [{ type: 'text', text: 5 }, { type: 'text', text: '' }, null, 7, 'str'] },
      { type: 'doc', content: [circular] },
      { type: 'doc', content: [deep] },
    ]) {
      expect(() => paperJsonToHtml(input)).not.toThrow();
      expectInert(paperJsonToHtml(input));
    }
    expect(paperJsonToHtml(null)).toBe('');
    expect(paperJsonToHtml({ type: 'paragraph', content: [text('not a doc')] })).toBe('');
  });

  it('replaces unsupported attribute values by the schema default', () => {
    const html = paperJsonToHtml({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: '1><script>alert(1)</script>' }, content: [text('Titre')] },
        { type: 'heading', attrs: { level: 6 }, content: [text('Six')] },
        { type: 'orderedList', attrs: { start: 'x" onclick="y' }, content: [{ type: 'listItem', content: [paragraph(text('un'))] }] },
        {
          type: 'table',
          content: [{ type: 'tableRow', content: [{ type: 'tableCell', attrs: { colspan: 'abc', colwidth: 'x', align: 'javascript:' }, content: [paragraph(text('c'))] }] }],
        },
      ],
    });
    expectInert(html);
    expect(html).toBe('<h1>Titre</h1><h1>Six</h1><ol><li><p>un</p></li></ol><table><tbody><tr><td colspan="1" rowspan="1"><p>c</p></td></tr></tbody></table>');
  });

  it('keeps the structure of benign content', () => {
    const html = paperJsonToHtml({
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: [text('Position de la société civile')] },
        { type: 'heading', attrs: { level: 4 }, content: [text('Résumé')] },
        paragraph(
          text("L'Organisation internationale pour les migrations (OIM) coopère avec "),
          text('les ONG', [{ type: 'italic' }]),
          text(' — voir '),
          text('le site', [{ type: 'link', attrs: { href: 'https://www.iom.int/fr' } }]),
          { type: 'hardBreak' },
          text('¿Cómo participa la sociedad civil?', [{ type: 'strike' }, { type: 'code' }]),
        ),
        { type: 'bulletList', content: [{ type: 'listItem', content: [paragraph(text('protección'))] }, { type: 'listItem', content: [paragraph(text('niños'))] }] },
        { type: 'orderedList', attrs: { start: 3 }, content: [{ type: 'listItem', content: [paragraph(text('troisième'))] }] },
        { type: 'blockquote', content: [paragraph(text('« Citation »'))] },
        { type: 'horizontalRule' },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [{ type: 'tableHeader', attrs: { colspan: 2 }, content: [paragraph(text('Pays'))] }],
            },
            {
              type: 'tableRow',
              content: [
                { type: 'tableCell', content: [paragraph(text('Sénégal'))] },
                { type: 'tableCell', attrs: { rowspan: 2 }, content: [paragraph(text('España'))] },
              ],
            },
          ],
        },
      ],
    });
    expectInert(html);
    expect(html).toBe(
      '<h1>Position de la société civile</h1>' +
        '<h4>Résumé</h4>' +
        "<p>L'Organisation internationale pour les migrations (OIM) coopère avec <em>les ONG</em> — voir " +
        '<a rel="noopener noreferrer nofollow" target="_blank" href="https://www.iom.int/fr">le site</a><br />' +
        // Marks nest in schema order (code before strike), whatever the order in the JSON.
        '<code><s>¿Cómo participa la sociedad civil?</s></code></p>' +
        '<ul><li><p>protección</p></li><li><p>niños</p></li></ul>' +
        '<ol start="3"><li><p>troisième</p></li></ol>' +
        '<blockquote><p>« Citation »</p></blockquote>' +
        '<hr />' +
        '<table><tbody><tr><th colspan="2" rowspan="1"><p>Pays</p></th></tr>' +
        '<tr><td colspan="1" rowspan="1"><p>Sénégal</p></td><td colspan="1" rowspan="2"><p>España</p></td></tr></tbody></table>',
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Raw Yjs
// ---------------------------------------------------------------------------------------------

/** What the server does with an update it receives: apply it to a fresh document. */
function receive(source: Y.Doc): Y.Doc {
  const received = new Y.Doc();
  Y.applyUpdate(received, Y.encodeStateAsUpdate(source));
  return received;
}

describe('yDocToPaper', () => {
  it('neutralises hostile XML written straight into the Yjs document', () => {
    const attacker = new Y.Doc();
    const fragment = attacker.getXmlFragment('default');

    const script = new Y.XmlElement('script');
    script.insert(0, [new Y.XmlText('alert("script")')]);

    const para = new Y.XmlElement('paragraph');
    para.setAttribute('onclick', 'alert(1)');
    para.setAttribute('style', 'background:url(javascript:alert(1))');
    const linked = new Y.XmlText();
    para.insert(0, [linked]);

    const img = new Y.XmlElement('img');
    img.setAttribute('src', 'x');
    img.setAttribute('onerror', 'alert(1)');

    const heading = new Y.XmlElement('heading');
    heading.setAttribute('level', '<script>' as unknown as string);
    heading.insert(0, [new Y.XmlText('Titre')]);

    const link = new Y.XmlElement('a');
    link.setAttribute('href', 'javascript:alert(1)');
    link.insert(0, [new Y.XmlText('faux lien')]);

    fragment.insert(0, [script, para, img, heading, link]);
    // Formatted text once the Y.XmlText belongs to the document (before that, `length` is 0).
    linked.insert(0, 'cliquez ici', { link: { href: 'javascript:alert(1)', onclick: 'alert(1)' } });
    linked.insert(linked.length, ' et là', { 'link--AbCd1234': { href: 'jav&#x09;ascript:alert(1)' } });
    linked.insert(linked.length, ' puis <b>ici</b>', { bold: true, evil: { onclick: 'x' } });

    let paper: ReturnType<typeof yDocToPaper> | undefined;
    expect(() => {
      paper = yDocToPaper(receive(attacker));
    }).not.toThrow();
    expectInert(paper!.html);
    expect(paper!.html).toBe(
      '<p>alert("script")</p><p>cliquez ici et là<strong> puis &lt;b&gt;ici&lt;/b&gt;</strong></p><h1>Titre</h1><p>faux lien</p>',
    );
    expect(paper!.text).toBe('alert("script")\n\ncliquez ici et là puis <b>ici</b>\n\nTitre\n\nfaux lien');
    expect(JSON.stringify(paper!.json)).not.toMatch(/onclick|onerror|javascript|script"|img|"a"/i);
  });

  it('keeps a safe link written with a hashed mark name (how y-tiptap stores overlapping marks)', () => {
    const doc = new Y.Doc();
    const para = new Y.XmlElement('paragraph');
    const linked = new Y.XmlText();
    linked.insert(0, 'OIM', { 'link--AbCd1234': { href: 'https://www.iom.int' } });
    para.insert(0, [linked]);
    doc.getXmlFragment('default').insert(0, [para]);
    const paper = yDocToPaper(receive(doc));
    expect(paper.html).toBe('<p><a rel="noopener noreferrer nofollow" target="_blank" href="https://www.iom.int">OIM</a></p>');
    expect(paper.json).toEqual({ type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'OIM', marks: [{ type: 'link', attrs: { href: 'https://www.iom.int' } }] }] }] });
  });

  it('survives items y-tiptap cannot read (hooks, embeds, loose text) and keeps the rest', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('default');
    const para = new Y.XmlElement('paragraph');
    const withEmbed = new Y.XmlText('avant');
    withEmbed.insertEmbed(5, { src: 'javascript:alert(1)' });
    para.insert(0, [withEmbed]);
    fragment.insert(0, [new Y.XmlHook('hook') as unknown as Y.XmlElement, para, new Y.XmlText('texte libre')]);
    let paper: ReturnType<typeof yDocToPaper> | undefined;
    expect(() => {
      paper = yDocToPaper(receive(doc));
    }).not.toThrow();
    expectInert(paper!.html);
    expect(paper!.html).toBe('<p>avant</p><p>texte libre</p>');
    expect(paper!.text).toBe('avant\n\ntexte libre');
  });

  it('gives an empty paper for an empty document', () => {
    expect(yDocToPaper(new Y.Doc())).toEqual({ json: { type: 'doc' }, html: '', text: '', wordCount: 0, openSuggestions: 0 });
  });

  it('converts a document written by the editor, keeping its structure, text and word count', () => {
    const json = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [text('Contribution')] },
        paragraph(text("L'Organisation internationale pour les migrations (OIM) coopère")),
        paragraph(
          text('¿Cómo coopera la '),
          text('Organización', [{ type: 'bold' }]),
          text(' con las ONG? Véase '),
          text('el informe', [{ type: 'link', attrs: { href: 'https://www.iom.int/es' } }]),
          text('.'),
        ),
        {
          type: 'table',
          content: [
            { type: 'tableRow', content: [{ type: 'tableHeader', attrs: { colspan: 2, rowspan: 1, colwidth: null }, content: [paragraph(text('Année'))] }] },
            {
              type: 'tableRow',
              content: [
                { type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [paragraph(text('2024'))] },
                { type: 'tableCell', attrs: { colspan: 1, rowspan: 1, colwidth: null }, content: [paragraph(text('peut-être'))] },
              ],
            },
          ],
        },
      ],
    };
    // The editor's own encoding (the Collaboration extension writes the same through y-tiptap).
    const editorDoc = prosemirrorJSONToYDoc(getSchema(paperExtensions), json, 'default');
    const paper = yDocToPaper(receive(editorDoc));

    expectInert(paper.html);
    expect(paper.html).toBe(
      '<h2>Contribution</h2>' +
        "<p>L'Organisation internationale pour les migrations (OIM) coopère</p>" +
        '<p>¿Cómo coopera la <strong>Organización</strong> con las ONG? Véase ' +
        '<a rel="noopener noreferrer nofollow" target="_blank" href="https://www.iom.int/es">el informe</a>.</p>' +
        '<table><tbody><tr><th colspan="2" rowspan="1"><p>Année</p></th></tr>' +
        '<tr><td colspan="1" rowspan="1"><p>2024</p></td><td colspan="1" rowspan="1"><p>peut-être</p></td></tr></tbody></table>',
    );
    expect(paper.text).toBe(
      "Contribution\n\nL'Organisation internationale pour les migrations (OIM) coopère\n\n" +
        '¿Cómo coopera la Organización con las ONG? Véase el informe.\n\nAnnée\n\n2024\n\npeut-être',
    );
    // Words: runs of letters/digits (any script, accents included) joined by an apostrophe or a
    // hyphen. "Contribution" 1 + "L'Organisation internationale pour les migrations (OIM) coopère" 7
    // + "¿Cómo coopera la Organización con las ONG? Véase el informe." 10 + Année, 2024, peut-être 3.
    expect(paper.wordCount).toBe(21);
    expect(paper.json).toMatchObject({ type: 'doc', content: [{ type: 'heading', attrs: { level: 2 } }, { type: 'paragraph' }, { type: 'paragraph' }, { type: 'table' }] });
  });

  it('counts words in French and Spanish sensibly', () => {
    const count = (sentence: string) => {
      const doc = prosemirrorJSONToYDoc(getSchema(paperExtensions), { type: 'doc', content: [paragraph(text(sentence))] }, 'default');
      return yDocToPaper(receive(doc)).wordCount;
    };
    // L'Organisation | internationale | pour | les | migrations | OIM | coopère
    expect(count("L'Organisation internationale pour les migrations (OIM) coopère")).toBe(7);
    // The typographic apostrophe and a decomposed accent (e + U+0300) do not split words.
    expect(count('L’Organisation coope\u0300re')).toBe(2);
    // ¿ and ? are not words; Migraciones, Organización and niños are one word each.
    expect(count('¿Cómo protege la Organización Internacional para las Migraciones a los niños?')).toBe(11);
    expect(count(' — « » ... ')).toBe(0);
  });
});

describe('citations (the summary)', () => {
  const version = '7f1c1e6e-4a7b-4c1e-9d2a-1b2c3d4e5f61';
  const organization = '7f1c1e6e-4a7b-4c1e-9d2a-1b2c3d4e5f60';

  it('render as <cite> with the version, the paragraph and a readable label', () => {
    const html = paperJsonToHtml({
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'citation', attrs: { organizationId: organization, organizationName: 'La Strada <Ukraine>', versionId: version, versionNumber: 2, paragraph: 3 } }] }],
    });
    expect(html).toBe(`<p><cite data-version="${version}" data-organization="${organization}" data-paragraph="3">[La Strada &lt;Ukraine&gt;, v2, ¶3]</cite></p>`);
  });

  it('keep only identifiers that are UUIDs and paragraph numbers', () => {
    expect(sanitizePaperHtml('<cite data-version="javascript:alert(1)" data-paragraph="0" onclick="x" class="y">[x]</cite>')).toBe('<cite>[x]</cite>');
  });
});
