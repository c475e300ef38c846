import { screen } from '@testing-library/react';
import i18n from 'i18next';
import { afterEach, describe, expect, it } from 'vitest';
import { ERROR_CODES } from '@contract/error-codes';
import { ApiError } from '@/lib/api-client';
import { renderWithMantine } from '../../test/support/render';
import { ErrorAlert } from './ErrorAlert';

const denied = new ApiError(403, ERROR_CODES.permissionDenied, 'This API key may not call POST /rules.');

describe('ErrorAlert', () => {
  afterEach(() => i18n.changeLanguage('en'));

  it("shows the server's words in English", () => {
    renderWithMantine(<ErrorAlert error={denied} />);
    expect(screen.getByRole('alert')).toHaveTextContent('This API key may not call POST /rules.');
  });

  it("shows the registry's Chinese for the code, with the server's particulars beneath", async () => {
    await i18n.changeLanguage('zh-CN');
    renderWithMantine(<ErrorAlert error={denied} />);
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('此 API 密钥无权调用该端点。');
    expect(alert).toHaveTextContent('This API key may not call POST /rules.');
  });

  it('keeps a message without a registered code as it is', async () => {
    await i18n.changeLanguage('zh-CN');
    renderWithMantine(<ErrorAlert error={new Error('plain failure')} />);
    expect(screen.getByRole('alert')).toHaveTextContent('plain failure');
  });
});
