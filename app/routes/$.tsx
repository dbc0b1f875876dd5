import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { pageTitle } from '../utils/meta.ts';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';

export const meta: MetaFunction = ({ matches }) => pageTitle(matches, 'errorPage.notFound.title');

// Any address no route claims: a 404 page in the shell, in the language shown.
export async function loader(_: LoaderFunctionArgs) {
  throw new Response('Not found', { status: 404 });
}

export default function NotFound() {
  return <GeneralErrorBoundary />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
