import { Menu, useMantineColorScheme, type MantineColorScheme } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useCan, useSignOut } from '@/lib/auth';
import { changeLanguage, LANGUAGES } from '@/lib/i18n';
import { UserMenuButton } from './UserMenuButton';

const SCHEMES: { value: MantineColorScheme; key: 'themeAuto' | 'themeLight' | 'themeDark' }[] = [
  { value: 'auto', key: 'themeAuto' },
  { value: 'light', key: 'themeLight' },
  { value: 'dark', key: 'themeDark' },
];

/** The account menu; mounted on the first click, so it starts open. */
export function UserMenuDropdown() {
  const { t, i18n } = useTranslation();
  const canManageKeys = useCan('managePlatformKeys');
  const signOut = useSignOut();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const check = (selected: boolean) => (selected ? '✓' : undefined);

  return (
    <Menu position="bottom-end" width={240} defaultOpened withinPortal>
      <Menu.Target>
        <UserMenuButton />
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to="/security">
          {t('userMenu.security')}
        </Menu.Item>
        {canManageKeys && (
          <>
            <Menu.Item component={Link} to="/platform-api-keys">
              {t('userMenu.platformApiKey')}
            </Menu.Item>
            <Menu.Divider />
          </>
        )}
        <Menu.Label>{t('userMenu.language')}</Menu.Label>
        {LANGUAGES.map((language) => (
          <Menu.Item
            key={language.code}
            lang={language.code}
            rightSection={check(i18n.resolvedLanguage === language.code)}
            onClick={() => void changeLanguage(language.code)}
          >
            {language.label}
          </Menu.Item>
        ))}
        <Menu.Label>{t('userMenu.theme')}</Menu.Label>
        {SCHEMES.map((scheme) => (
          <Menu.Item
            key={scheme.value}
            rightSection={check(colorScheme === scheme.value)}
            onClick={() => setColorScheme(scheme.value)}
          >
            {t(`userMenu.${scheme.key}`)}
          </Menu.Item>
        ))}
        <Menu.Divider />
        <Menu.Item color="red" onClick={() => signOut.mutate()}>
          {t('userMenu.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
