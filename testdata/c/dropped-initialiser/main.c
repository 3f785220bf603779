/* c.uninitialized-read, parse error, good: TK_COLLATE comes from a
 * generated header that is not in the build context, so clang drops the
 * initialiser of pNew as erroneous; pNew is still initialised, by a value
 * Bulkhead does not know, and reading it is not a finding. */
typedef struct Expr {
	struct Expr *pLeft;
	unsigned flags;
} Expr;

Expr *alloc_expr(int op, int dequote);

Expr *add_collate(Expr *pExpr, int n, int dequote)
{
	if (n > 0) {
		Expr *pNew = alloc_expr(TK_COLLATE, dequote);
		if (pNew) {
			pNew->pLeft = pExpr;
			pExpr = pNew;
		}
	}
	return pExpr;
}
