/** The NHS footer. It links only to pages that exist; support links (accessibility statement, privacy) join it when they do. */
export function Footer() {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <p className="nhsuk-body-s">PeerRoles: define, agree and support peer worker roles in NHS mental health teams</p>
        </div>
      </div>
    </footer>
  );
}
