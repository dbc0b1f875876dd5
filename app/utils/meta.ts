import type { MetaDescriptor } from '@remix-run/node';
import { messagesFrom } from './i18n.tsx';

/**
 * A page's <title> in the language shown: "Page · IDM Consult". It reads the dictionary the
 * root loader sent, so no dictionary is bundled into the browser code.
 */
export function pageTitle(matches: Array<{ id: string; data: unknown } | undefined>, key: string, vars?: Record<string, string | number>): MetaDescriptor[] {
  const root = matches.find((m) => m?.id === 'root')?.data as { messages?: string } | undefined;
  const messages = messagesFrom(root?.messages);
  const fill = (text: string) => (vars ? text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? '')) : text);
  return [{ title: `${fill(messages[key] ?? key)} · ${messages['app.name'] ?? 'IDM Consult'}` }];
}
