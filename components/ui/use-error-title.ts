'use client';

import { useEffect } from 'react';

/** NHS pattern: while a form shows errors, the page title starts with "Error: ". */
export function useErrorTitle(hasErrors: boolean): void {
  useEffect(() => {
    const plain = document.title.replace(/^Error: /u, '');
    document.title = hasErrors ? `Error: ${plain}` : plain;
  }, [hasErrors]);
}
