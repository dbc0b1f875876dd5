// @vitest-environment happy-dom
import { getSchema } from '@tiptap/core';
import { DOMParser as ProseMirrorParser } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { paperExtensions } from '../../domain/papers/editor-schema.ts';
import { paperJsonToHtml } from '../../domain/papers/sanitize.ts';
import { cleanPastedHtml } from './pasted-html.ts';

/** What the editor keeps of pasted HTML: the cleaner, then the paper schema's parser (as on paste). */
function paste(html: string): string {
  const schema = getSchema(paperExtensions);
  const dom = new window.DOMParser().parseFromString(cleanPastedHtml(html), 'text/html');
  return paperJsonToHtml(ProseMirrorParser.fromSchema(schema).parse(dom.body).toJSON());
}

// As Word puts it on the clipboard (abridged): classes, mso styles, conditional comments, <o:p>.
const fromWord = `<html xmlns:o="urn:schemas-microsoft-com:office:office"><body>
<!--StartFragment--><h2 style='mso-style-name:"Heading 2"'>Safe pathways<o:p></o:p></h2>
<p class=MsoNormal style='margin:0;font-family:Calibri'>People <b>must</b> be <i>protected</i>.<o:p></o:p></p>
<p class=MsoListParagraphCxSpFirst style='text-indent:-18pt;mso-list:l0 level1 lfo1'><![if !supportLists]><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp;</span></span><![endif]>First point<o:p></o:p></p>
<p class=MsoListParagraphCxSpLast style='text-indent:-18pt;mso-list:l0 level1 lfo1'><span style='mso-list:Ignore'>·<span>&nbsp;&nbsp;</span></span>Second point<o:p></o:p></p>
<p class=MsoListParagraph style='mso-list:l1 level1 lfo2'><span style='mso-list:Ignore'>1.<span>&nbsp;</span></span>Numbered<o:p></o:p></p>
<table class=MsoTableGrid border=1><tr><td style='width:100pt'><p class=MsoNormal>Cell<o:p></o:p></p></td></tr></table>
<p class=MsoNormal><img src="file:///C:/Users/x/image001.png" width=10 height=10></p>
<!--EndFragment--></body></html>`;

describe('pasting', () => {
  it('from Word keeps headings, emphasis, lists and tables, and nothing else', () => {
    const html = paste(fromWord);
    expect(html).toContain('<h2>Safe pathways</h2>');
    expect(html).toContain('<p>People <strong>must</strong> be <em>protected</em>.</p>');
    expect(html).toContain('<ul><li><p>First point</p></li><li><p>Second point</p></li></ul>');
    expect(html).toContain('<ol><li><p>Numbered</p></li></ol>');
    expect(html).toMatch(/<table[^>]*>.*<p>Cell<\/p>.*<\/table>/s);
    expect(html).not.toMatch(/mso|Mso|style=|class=|<img|·/);
  });

  it('from a web page keeps structure and safe links, drops scripts, styles and unsafe links', () => {
    const html = paste(`<div class="article"><h3 style="color:red">Title</h3><p>See <a href="https://www.iom.int/" onclick="x()">IOM</a> and <a href="javascript:alert(1)">this</a>.</p><script>alert(1)</script><style>p{}</style><ul><li>One</li></ul></div>`);
    expect(html).toContain('<h3>Title</h3>');
    expect(html).toMatch(/<a [^>]*href="https:\/\/www\.iom\.int\/"[^>]*>IOM<\/a>/);
    expect(html).not.toMatch(/javascript|onclick|alert|style|class=/);
    expect(html).toContain('<ul><li><p>One</p></li></ul>');
  });
});
