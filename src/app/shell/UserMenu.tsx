import { lazy, Suspense, useState } from 'react';
import { UserMenuButton } from './UserMenuButton';

const loadDropdown = () => import('./UserMenuDropdown');
// The menu's popover machinery is not needed to paint a page: it loads when the pointer or the
// keyboard reaches the button, and the menu opens on the first click as usual.
const UserMenuDropdown = lazy(() => loadDropdown().then((m) => ({ default: m.UserMenuDropdown })));

export function UserMenu() {
  const [requested, setRequested] = useState(false);
  const preload = () => void loadDropdown();

  if (!requested) {
    return (
      <UserMenuButton
        aria-expanded={false}
        onPointerEnter={preload}
        onFocus={preload}
        onClick={() => setRequested(true)}
      />
    );
  }
  return (
    <Suspense fallback={<UserMenuButton aria-expanded={false} />}>
      <UserMenuDropdown />
    </Suspense>
  );
}
