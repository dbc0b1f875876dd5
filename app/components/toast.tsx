import { useEffect, useState } from 'react';
import { useT } from '../utils/i18n.tsx';

interface Toast {
  kind: 'success' | 'error' | 'info';
  key: string;
  vars?: Record<string, string | number>;
}

/** Shows the toast a redirect left; the live region announces it to screen readers. */
export function ToastRegion({ toast }: { toast: Toast | null }) {
  const t = useT();
  const [shown, setShown] = useState(toast);
  useEffect(() => {
    setShown(toast);
    if (!toast) return;
    const timer = setTimeout(() => setShown(null), 8000);
    return () => clearTimeout(timer);
  }, [toast]);
  return (
    <div className="toast-region" role="status" aria-live="polite">
      {shown && (
        <div className={`toast toast-${shown.kind}`}>
          <span>{t(shown.key, shown.vars)}</span>
          <button type="button" className="toast-close" onClick={() => setShown(null)} aria-label={t('shell.dismiss')}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}
