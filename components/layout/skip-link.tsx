/** The first focusable element on every page: lets keyboard users jump past the header. */
export function SkipLink() {
  return (
    <a className="nhsuk-skip-link" href="#maincontent">
      Skip to main content
    </a>
  );
}
