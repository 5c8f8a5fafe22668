/** What removing an activity does, said the same way for the organisation's and a team's. */
export function RemoveActivityConsequences({ scope }: { scope: string }) {
  return (
    <>
      <p>If you remove it:</p>
      <ul>
        <li>expectations checks for {scope} stop asking about it, including checks that are open now</li>
        <li>checks that already have answers about it keep showing those answers, and how it was settled if it was contested</li>
      </ul>
      <p>You cannot undo this here. To ask about it again, add it as a new activity.</p>
    </>
  );
}
