'use client';

import { usePathname } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import styles from '@/components/layout/session-timeout.module.css';

interface SessionStatus {
  signedIn: boolean;
  secondsLeft?: number;
}

type Stage = { kind: 'quiet' } | { kind: 'warning'; deadline: number } | { kind: 'signed-out' };

/** GET asks without counting as activity; POST is "Stay signed in". Anything but a JSON answer means signed out. */
async function askServer(method: 'GET' | 'POST'): Promise<SessionStatus> {
  try {
    const response = await fetch('/api/session', { method, cache: 'no-store', headers: { Accept: 'application/json' } });
    if (!(response.headers.get('content-type') ?? '').includes('application/json')) return { signedIn: false };
    return (await response.json()) as SessionStatus;
  } catch {
    // Offline for a moment: say nothing rather than sign the person out on a guess.
    return { signedIn: true };
  }
}

function remaining(milliseconds: number): string {
  const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
  if (seconds >= 60) {
    const minutes = Math.ceil(seconds / 60);
    return `${minutes} minute${minutes === 1 ? '' : 's'}`;
  }
  return `${seconds} second${seconds === 1 ? '' : 's'}`;
}

/**
 * The GOV.UK and NHS timeout warning: shortly before the session's idle limit, a
 * modal dialog says when the person will be signed out and lets them stay
 * signed in. The server decides (lib/auth/sessions.ts); before warning, and again
 * at the limit, this asks it how long is left, so activity in another tab or a
 * form submitted here counts. Without JavaScript there is no warning: the sign-in
 * page says afterwards why the person was signed out.
 */
export function SessionTimeout({ secondsLeft, idleMs, warningMs }: { secondsLeft: number; idleMs: number; warningMs: number }) {
  const pathname = usePathname();
  const dialog = useRef<HTMLDialogElement>(null);
  const expiresAt = useRef(0);
  const [stage, setStage] = useState<Stage>({ kind: 'quiet' });
  const [now, setNow] = useState(0);

  const schedule = useCallback((secondsFromNow: number) => {
    expiresAt.current = Date.now() + secondsFromNow * 1000;
    setStage({ kind: 'quiet' });
  }, []);

  // Each page the person opens was a request: the session was extended then (to within a minute).
  useEffect(() => {
    schedule(expiresAt.current === 0 ? secondsLeft : Math.max(0, (idleMs - 60_000) / 1000));
  }, [pathname, secondsLeft, idleMs, schedule]);

  // Quiet: wake at the warning time, check with the server, then warn or sleep again.
  useEffect(() => {
    if (stage.kind !== 'quiet') return;
    const timer = window.setTimeout(async () => {
      const status = await askServer('GET');
      if (!status.signedIn) return setStage({ kind: 'signed-out' });
      const left = (status.secondsLeft ?? idleMs / 1000) * 1000;
      if (left > warningMs + 5_000) return schedule(left / 1000);
      expiresAt.current = Date.now() + left;
      setNow(Date.now());
      setStage({ kind: 'warning', deadline: expiresAt.current });
    }, Math.max(0, expiresAt.current - warningMs - Date.now()));
    return () => window.clearTimeout(timer);
  }, [stage, warningMs, idleMs, schedule]);

  // Warning: count down (announced every 15 seconds or so), and at the limit check once more.
  useEffect(() => {
    if (stage.kind !== 'warning') return;
    const ticker = window.setInterval(() => setNow(Date.now()), 1000);
    const ending = window.setTimeout(async () => {
      const status = await askServer('GET');
      const left = status.secondsLeft ?? 0;
      if (!status.signedIn) setStage({ kind: 'signed-out' });
      else if (left > 5) schedule(left);
      // The server's limit is a moment away (clocks and timers differ by a little): say "signed out" only once the server has ended the session,
      // or "Sign in again" would reach a sign-in page that still sees the person signed in.
      else setStage({ kind: 'warning', deadline: Date.now() + Math.max(1, left) * 1000 });
    }, Math.max(0, stage.deadline - Date.now()));
    return () => {
      window.clearInterval(ticker);
      window.clearTimeout(ending);
    };
  }, [stage, schedule]);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (stage.kind !== 'quiet' && !element.open) element.showModal();
    if (stage.kind === 'quiet' && element.open) element.close();
  }, [stage]);

  async function staySignedIn() {
    const status = await askServer('POST');
    if (status.signedIn && (status.secondsLeft ?? 0) > 0) schedule(status.secondsLeft ?? idleMs / 1000);
    else setStage({ kind: 'signed-out' });
  }

  const left = stage.kind === 'warning' ? stage.deadline - now : 0;
  // Screen readers hear the time when the dialog opens and then every 15 seconds, not every second.
  const announced = stage.kind === 'warning' ? remaining(Math.ceil(left / 15_000) * 15_000) : '';
  const signInAgain = `/sign-in?${new URLSearchParams({ reason: 'timeout', callbackUrl: pathname })}`;

  return (
    <dialog
      ref={dialog}
      className={styles.dialog}
      aria-labelledby="session-timeout-heading"
      aria-describedby="session-timeout-description"
      onCancel={(event) => {
        // Escape means "stay signed in" while warning; once signed out there is nothing to go back to.
        event.preventDefault();
        if (stage.kind === 'warning') void staySignedIn();
      }}
    >
      {stage.kind === 'signed-out' ? (
        <>
          <h2 id="session-timeout-heading">You have been signed out</h2>
          <p id="session-timeout-description">
            You were signed out because you had not done anything for {remaining(idleMs)}. Anything on this page that you had not saved has not been saved.
          </p>
          <a className="nhsuk-button" href={signInAgain}>
            Sign in again
          </a>
        </>
      ) : (
        <>
          <h2 id="session-timeout-heading">You are about to be signed out</h2>
          <p id="session-timeout-description">
            For your security, we will sign you out in <span aria-hidden="true">{remaining(left)}</span>
            <span className="nhsuk-u-visually-hidden" aria-live="polite">
              {announced}
            </span>
            . Anything you have not saved will be lost.
          </p>
          <div className="nhsuk-button-group">
            <button type="button" className="nhsuk-button" onClick={() => void staySignedIn()} autoFocus>
              Stay signed in
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
