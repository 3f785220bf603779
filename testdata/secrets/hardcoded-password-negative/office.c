/* A secretary's login is the name of a person's account, not a secret:
   the secret word is part of another word. */
static const char *secretary_login = "mhale.Ops7";

const char *office_contact(void)
{
	return secretary_login;
}
