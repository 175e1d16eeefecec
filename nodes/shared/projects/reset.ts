import { resetBudgetWindows } from './budget';
import { resetFeeds } from './feed';
import { resetRemembered } from './remember';

/** Forget everything this process keeps per Zoho user and portal: windows, locks, look-ups, task feeds (tests). */
export function resetProjectsBudget(): void {
	resetBudgetWindows();
	resetRemembered();
	resetFeeds();
}
