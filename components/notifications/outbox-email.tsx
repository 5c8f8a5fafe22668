import { DateTime } from '@/components/ui/date-time';
import styles from '@/components/notifications/outbox.module.css';

/** One email kept in the demo outbox: who it was for, its subject, and its text behind a details toggle. */
export function OutboxEmail({ email }: { email: { id: string; to: string; subject: string; text: string; createdAt: Date } }) {
  return (
    <li className="nhsuk-u-margin-bottom-5">
      <h2 className="nhsuk-heading-s nhsuk-u-margin-bottom-1">{email.subject}</h2>
      <p className="nhsuk-body-s nhsuk-u-margin-bottom-2">
        To {email.to}, <DateTime value={email.createdAt} />
      </p>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">
            Read the email<span className="nhsuk-u-visually-hidden"> to {email.to}: {email.subject}</span>
          </span>
        </summary>
        <div className="nhsuk-details__text">
          <p className={styles.text}>{email.text}</p>
        </div>
      </details>
    </li>
  );
}
