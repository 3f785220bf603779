/* secret.hardcoded-password: a lexer's tokens and a tokenizer's name are
 * words, not credentials (sqlite's `pExpr->u.zToken = "true"`). */
struct expr { const char *zToken; int op; };

static const char *default_tokenizer = "unicode61";

void fold_boolean(struct expr *e, int value)
{
	if (value)
		e->zToken = "true";
	else
		e->zToken = "false";
}

void rename_function(struct expr *e)
{
	const char *token = "coalesce";
	e->zToken = token;
	(void)default_tokenizer;
}
