import type { Metadata } from 'next';
import Link from 'next/link';
import { OwedTasksTable } from '@/components/onboarding/owed-tasks';
import { Breadcrumbs } from '@/components/ui/breadcrumbs';
import { InsetText } from '@/components/ui/inset-text';
import { Pagination, ResultCount } from '@/components/ui/pagination';
import { loadOwedTasks } from '@/lib/onboarding/load';
import { PAGE_SIZE, parsePage } from '@/lib/pagination';
import { searchParam, type SearchParams } from '@/lib/search-params';

export const metadata: Metadata = { title: 'Your onboarding tasks' };

/** Every unfinished onboarding task the person owes, across the placements they are part of, soonest due first. */
export default async function OwedTasksPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const page = parsePage(searchParam(await searchParams, 'page'));
  const { tasks } = await loadOwedTasks(page);
  const overdue = tasks.items.filter((task) => task.overdue).length;
  return (
    <>
      <Breadcrumbs items={[{ href: '/', label: 'Home' }, { href: '/onboarding', label: 'Onboarding' }]} />
      <h1>Your onboarding tasks</h1>
      {tasks.total === 0 ? (
        <InsetText>
          <p>
            You have no onboarding tasks to do. When a plan gives you one, for your own onboarding or someone else’s, it appears here and you are told by email. See <Link href="/onboarding">onboarding</Link> for the placements you
            are part of.
          </p>
        </InsetText>
      ) : (
        <>
          <p>The tasks you owe across every plan, soonest due first. Open a task to update where it is up to.{overdue > 0 && tasks.page === 1 ? ' Overdue tasks are marked in red.' : ''}</p>
          <ResultCount page={tasks.page} total={tasks.total} pageSize={PAGE_SIZE} noun={['task', 'tasks']} />
          <OwedTasksTable tasks={tasks.items} caption="Your onboarding tasks" />
          <Pagination page={tasks.page} pageCount={tasks.pageCount} basePath="/onboarding/tasks" label="Your onboarding tasks, pages" />
        </>
      )}
    </>
  );
}
