/**
 * What is pasted from Word or a web page keeps its structure and nothing else. The paper schema
 * (domain/papers/editor-schema.ts) already admits only its own nodes, marks and safe links, and
 * drops styles, classes, images and scripts; what it cannot know is Word's way of writing lists:
 * paragraphs styled `mso-list` with the bullet or number written as text in a hidden span. Those
 * become real lists here, and Word's comments and `<o:p>` wrappers go, before the schema reads it.
 */

/** The `transformPastedHTML` of the paper editor. */
export function cleanPastedHtml(html: string): string {
  if (!/mso-|urn:schemas-microsoft-com|<o:p/i.test(html)) return html;
  const doc = new DOMParser().parseFromString(html, 'text/html');
  removeComments(doc.body);
  for (const wrapper of [...doc.body.getElementsByTagName('o:p')]) wrapper.replaceWith(...wrapper.childNodes);
  wordListsToLists(doc);
  return doc.body.innerHTML;
}

function removeComments(root: Node) {
  const walker = root.ownerDocument!.createTreeWalker(root, NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.parentNode?.removeChild(c));
}

const LIST_STYLE = /mso-list:\s*l\d+\s+level(\d+)/i;

/** Consecutive Word list paragraphs → one `<ul>`/`<ol>`, nested by their level. */
function wordListsToLists(doc: Document) {
  const items = [...doc.body.querySelectorAll<HTMLElement>('p')].filter((p) => LIST_STYLE.test(p.getAttribute('style') ?? '') || /MsoListParagraph/i.test(p.className));
  let stack: Array<{ list: HTMLElement; level: number }> = [];
  let previous: Element | null = null;
  for (const paragraph of items) {
    const level = Number(LIST_STYLE.exec(paragraph.getAttribute('style') ?? '')?.[1] ?? 1);
    const marker = paragraph.querySelector('[style*="mso-list:Ignore" i], [style*="mso-list: Ignore" i]');
    const ordered = /^\s*(\d+|[a-z]|[ivxlc]+)[.)]/i.test(marker?.textContent ?? '');
    marker?.remove();
    // A list continues only from the paragraph right before it.
    if (previous === null || paragraph.previousElementSibling !== previous) stack = [];
    while (stack.length && stack[stack.length - 1]!.level > level) stack.pop();
    let top = stack[stack.length - 1];
    if (!top || top.level < level) {
      const list = doc.createElement(ordered ? 'ol' : 'ul');
      if (top) (top.list.lastElementChild ?? top.list).appendChild(list);
      else paragraph.before(list);
      top = { list, level };
      stack.push(top);
    }
    const item = doc.createElement('li');
    const text = doc.createElement('p');
    text.append(...paragraph.childNodes);
    item.appendChild(text);
    top.list.appendChild(item);
    // The next paragraph continues this list if it comes right after this (now removed) one.
    const placeholder = doc.createElement('span');
    paragraph.replaceWith(placeholder);
    previous = placeholder;
    // Keep the placeholder right after the outermost list, so adjacency still holds.
    stack[0]!.list.after(placeholder);
  }
  for (const placeholder of doc.body.querySelectorAll('span:empty')) if (!placeholder.attributes.length) placeholder.remove();
}
