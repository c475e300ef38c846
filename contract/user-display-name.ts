/** How a user is named on screen: the name, or the email where no name was given. */
export function userDisplayName(user: { name: string | null; email: string }): string {
  return user.name ?? user.email;
}
