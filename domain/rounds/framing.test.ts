import { describe, expect, it } from 'vitest';
import { framingHtml } from './framing.ts';

describe('the framing text of a round', () => {
  it('keeps the rich text of the editor, through the allow-list', () => {
    expect(framingHtml('<h2>Questions</h2><p>Where does it <strong>work</strong>? <a href="https://www.iom.int">IOM</a></p><ul><li><p>One</p></li></ul>')).toBe(
      '<h2>Questions</h2><p>Where does it <strong>work</strong>? <a rel="noopener noreferrer nofollow" target="_blank" href="https://www.iom.int">IOM</a></p><ul><li><p>One</p></li></ul>',
    );
  });

  it('removes what is not allowed', () => {
    const html = framingHtml('<p onclick="x()">Hi<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">link</a></p>');
    expect(html).not.toMatch(/script|onerror|onclick|javascript|<img/);
    expect(html).toContain('Hi');
  });

  it('turns plain text (a form sent without JavaScript) into escaped paragraphs', () => {
    expect(framingHtml('First <b> paragraph\nsame one\n\nSecond & last')).toBe('<p>First &lt;b&gt; paragraph<br />same one</p><p>Second &amp; last</p>');
  });

  it('stores nothing for an emptied editor', () => {
    expect(framingHtml('<p></p>')).toBe('');
    expect(framingHtml('   ')).toBe('');
  });
});
