import { useEffect, useRef, type InputHTMLAttributes } from 'react';
import type { CheckState } from '../permission-picker-model';

type Props = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'checked'> & {
  state: CheckState;
};

/** A native checkbox (fast with thousands on screen) that also shows "some" as indeterminate. */
export function TriStateCheckbox({ state, ...props }: Props) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = state === 'some';
  }, [state]);
  return (
    <input
      ref={ref}
      type="checkbox"
      className="kw-picker-check"
      checked={state === 'all'}
      {...props}
    />
  );
}
