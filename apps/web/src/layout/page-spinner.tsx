/** Centered spinner for a page whose data is still coming. */
import { Spin } from 'antd';

export function PageSpinner() {
  return (
    <div className="mt-page-spinner">
      <Spin size="large" />
    </div>
  );
}
