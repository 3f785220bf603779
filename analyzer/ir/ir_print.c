// SPDX-License-Identifier: MIT
// Text and Graphviz dumps of the IR (`bulkhead dump ir|cfg`). The text
// form is what the stage goldens in tests/ir/ diff, so it is stable: no
// addresses, no absolute paths, blocks and temporaries numbered by the
// builder in source order.
//
//   func NAME(PARAMS)  ; PATH:LINE:COL
//     var NAME: KIND TYPE [FLAGS]
//   bbN:  [label NAME]  ; preds bbA bbB
//     INSTRUCTION  ; LINE:COL
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "bulkhead/arena.h"
#include "bulkhead/ir.h"

// String literals longer than this are cut with "..." in dumps.
#define MAX_STR_SHOWN 48

static const char *var_kind_name(bh_ir_var_kind k)
{
	switch (k) {
	case BH_IR_VAR_PARAM: return "param";
	case BH_IR_VAR_LOCAL: return "local";
	case BH_IR_VAR_GLOBAL: return "global";
	case BH_IR_VAR_STATIC: return "static";
	case BH_IR_VAR_TEMP: return "temp";
	}
	return "?";
}

// C-escaped bytes; `dot` turns '"' into '\'' for Graphviz labels.
static void print_escaped(FILE *out, const char *s, size_t len, bool dot)
{
	size_t n = len > MAX_STR_SHOWN ? MAX_STR_SHOWN : len;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		switch (c) {
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		case '\r': fputs("\\r", out); break;
		case '"': fputs(dot ? "'" : "\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		default:
			if (c < 0x20 || c >= 0x7f || (dot && (c == '<' || c == '>' || c == '{' ||
							      c == '}' || c == '|')))
				fprintf(out, "\\x%02x", c);
			else
				fputc(c, out);
		}
	}
	if (n < len)
		fputs("...", out);
}

static void print_opnd_mode(FILE *out, const bh_ir_func *fn, const bh_ir_opnd *o, bool dot)
{
	switch (o->kind) {
	case BH_IR_OPND_NONE:
		fputs("_", out);
		break;
	case BH_IR_OPND_VAR: {
		if (o->var >= fn->nvars) {
			fprintf(out, "?v%u", o->var);
			break;
		}
		const bh_ir_var *v = &fn->vars[o->var];
		bool at = v->kind == BH_IR_VAR_GLOBAL || v->kind == BH_IR_VAR_STATIC;
		fprintf(out, "%s%s", at ? "@" : "", v->name);
		break;
	}
	case BH_IR_OPND_INT:
		fprintf(out, "%" PRId64, o->ival);
		break;
	case BH_IR_OPND_FLOAT:
		fprintf(out, "%g", o->fval);
		break;
	case BH_IR_OPND_STR:
		if (!o->str) {
			fputs("<wide string>", out);
			break;
		}
		fputc('"', out);
		print_escaped(out, o->str, o->len, dot);
		fputc('"', out);
		break;
	case BH_IR_OPND_FUNC:
		fprintf(out, "@%s", o->str ? o->str : "?");
		break;
	}
}

void bh_ir_print_opnd(FILE *out, const bh_ir_func *fn, const bh_ir_opnd *o)
{
	print_opnd_mode(out, fn, o, false);
}

static void print_args(FILE *out, const bh_ir_func *fn, const bh_ir_instr *in, uint32_t from,
		       bool dot)
{
	fputc('(', out);
	for (uint32_t i = from; i < in->nargs; i++) {
		if (i > from)
			fputs(", ", out);
		print_opnd_mode(out, fn, &in->args[i], dot);
	}
	fputc(')', out);
}

// Argument `i`, or "_" when the instruction has fewer (malformed IR is
// printed, not crashed on: the dump is how it gets debugged).
static const bh_ir_opnd *arg(const bh_ir_instr *in, uint32_t i)
{
	static const bh_ir_opnd none = { .kind = BH_IR_OPND_NONE };
	return i < in->nargs ? &in->args[i] : &none;
}

static void print_instr_mode(FILE *out, const bh_ir_func *fn, const bh_ir_instr *in, bool dot)
{
#define P(o) print_opnd_mode(out, fn, (o), dot)
	if (in->dst.kind != BH_IR_OPND_NONE) {
		P(&in->dst);
		fputs(" = ", out);
	}
	const char *sep = in->arrow ? (dot ? "-\\>" : "->") : ".";
	switch (in->op) {
	case BH_IR_ASSIGN:
		if (in->bits)
			fprintf(out, "(%c%u) ", in->is_unsigned ? 'u' : 'i', (unsigned)in->bits);
		P(arg(in, 0));
		break;
	case BH_IR_UNOP:
		fputs(bh_ir_unop_spelling((bh_ir_unop)in->sub), out);
		P(arg(in, 0));
		break;
	case BH_IR_BINOP:
		P(arg(in, 0));
		fprintf(out, " %s ", dot && in->sub == BH_IR_BIN_LT ? "\\<"
				     : dot && in->sub == BH_IR_BIN_GT ? "\\>"
				     : dot && in->sub == BH_IR_BIN_LE ? "\\<="
				     : dot && in->sub == BH_IR_BIN_GE ? "\\>="
				     : dot && in->sub == BH_IR_BIN_SHL ? "\\<\\<"
				     : dot && in->sub == BH_IR_BIN_SHR ? "\\>\\>"
				     : dot && in->sub == BH_IR_BIN_OR ? "\\|"
				     : bh_ir_binop_spelling((bh_ir_binop)in->sub));
		P(arg(in, 1));
		break;
	case BH_IR_LOAD:
		fputc('*', out);
		P(arg(in, 0));
		break;
	case BH_IR_STORE:
		fputc('*', out);
		P(arg(in, 0));
		fputs(" = ", out);
		P(arg(in, 1));
		break;
	case BH_IR_ADDR:
		fputc('&', out);
		P(arg(in, 0));
		break;
	case BH_IR_FIELD:
		P(arg(in, 0));
		fprintf(out, "%s%s", sep, in->name ? in->name : "?");
		break;
	case BH_IR_FIELD_STORE:
		P(arg(in, 0));
		fprintf(out, "%s%s = ", sep, in->name ? in->name : "?");
		P(arg(in, 1));
		break;
	case BH_IR_FIELD_ADDR:
		fputc('&', out);
		P(arg(in, 0));
		fprintf(out, "%s%s", sep, in->name ? in->name : "?");
		break;
	case BH_IR_INDEX:
	case BH_IR_INDEX_ADDR:
		if (in->op == BH_IR_INDEX_ADDR)
			fputc('&', out);
		P(arg(in, 0));
		fputc(dot ? '(' : '[', out);
		P(arg(in, 1));
		fputc(dot ? ')' : ']', out);
		break;
	case BH_IR_INDEX_STORE:
		P(arg(in, 0));
		fputc(dot ? '(' : '[', out);
		P(arg(in, 1));
		fputs(dot ? ") = " : "] = ", out);
		P(arg(in, 2));
		break;
	case BH_IR_CALL:
		fputs("call ", out);
		if (in->callee.kind == BH_IR_OPND_VAR)
			fputc('*', out);
		P(&in->callee);
		print_args(out, fn, in, 0, dot);
		if (in->noreturn)
			fputs(" noreturn", out);
		break;
	case BH_IR_OPAQUE:
		fprintf(out, "opaque %s", in->name ? in->name : "?");
		print_args(out, fn, in, 0, dot);
		break;
	case BH_IR_RET:
		fputs("ret", out);
		if (in->nargs) {
			fputc(' ', out);
			P(arg(in, 0));
		}
		break;
	case BH_IR_BR:
		fputs("br ", out);
		P(arg(in, 0));
		fprintf(out, ", bb%u, bb%u", in->target[0], in->target[1]);
		break;
	case BH_IR_JMP:
		fprintf(out, "jmp bb%u", in->target[0]);
		break;
	case BH_IR_SWITCH:
		fputs("switch ", out);
		P(arg(in, 0));
		fputs(dot ? " (" : " [", out);
		for (uint32_t i = 0; i < in->ncases; i++) {
			const bh_ir_case *c = &in->cases[i];
			if (i)
				fputs(", ", out);
			if (c->lo == c->hi)
				fprintf(out, "%" PRId64 ": bb%u", c->lo, c->target);
			else
				fprintf(out, "%" PRId64 "..%" PRId64 ": bb%u", c->lo, c->hi, c->target);
		}
		fprintf(out, "%s default bb%u", dot ? ")" : "]", in->target[0]);
		break;
	case BH_IR_UNREACHABLE:
		fputs("unreachable", out);
		break;
	default:
		fprintf(out, "%s ?", bh_ir_op_name(in->op));
		break;
	}
#undef P
}

void bh_ir_print_instr(FILE *out, const bh_ir_func *fn, const bh_ir_instr *in)
{
	print_instr_mode(out, fn, in, false);
}

static void print_header(FILE *out, const bh_ir_func *fn)
{
	fprintf(out, "func %s(", fn->name);
	for (uint32_t i = 0; i < fn->nparams; i++)
		fprintf(out, "%s%s", i ? ", " : "", fn->vars[i].name);
	fprintf(out, ")  ; %s:%u:%u\n", fn->loc.path ? fn->loc.path : "?", fn->loc.line,
		fn->loc.col);
	if (fn->cut)
		fprintf(out, "  ; incomplete:%s%s%s\n", fn->cut & BH_IR_CUT_DEPTH ? " depth-limit" : "",
			fn->cut & BH_IR_CUT_SIZE ? " size-limit" : "",
			fn->cut & BH_IR_CUT_ERRORS ? " clang-errors" : "");
}

static void print_preds(FILE *out, const bh_ir_block *b)
{
	if (b->npreds == 0)
		return;
	fputs("  ; preds", out);
	for (uint32_t p = 0; p < b->npreds; p++)
		fprintf(out, " bb%u", b->preds[p]);
}

void bh_ir_print(FILE *out, const bh_ir_func *fn)
{
	print_header(out, fn);
	for (uint32_t i = 0; i < fn->nvars; i++) {
		const bh_ir_var *v = &fn->vars[i];
		if (v->kind == BH_IR_VAR_TEMP)
			continue;
		fprintf(out, "  var %s%s: %s", v->kind == BH_IR_VAR_GLOBAL ||
			v->kind == BH_IR_VAR_STATIC ? "@" : "", v->name, var_kind_name(v->kind));
		if (v->type)
			fprintf(out, " '%s'", v->type);
		if (v->flags & BH_IR_VAR_ARRAY)
			fputs(" array", out);
		if (v->flags & BH_IR_VAR_RECORD)
			fputs(" record", out);
		if (v->flags & BH_IR_VAR_ADDRESSED)
			fputs(" addressed", out);
		if (v->flags & BH_IR_VAR_CONST)
			fprintf(out, " const = %lld", (long long)v->const_value);
		else if (v->flags & BH_IR_VAR_INIT)
			fprintf(out, " init = %lld", (long long)v->const_value);
		fputc('\n', out);
	}
	for (uint32_t i = 0; i < fn->nblocks; i++) {
		const bh_ir_block *b = &fn->blocks[i];
		fprintf(out, "bb%u:", b->id);
		if (b->label)
			fprintf(out, "  label %s", b->label);
		print_preds(out, b);
		fputc('\n', out);
		for (uint32_t k = 0; k < b->ninstrs; k++) {
			fputs("    ", out);
			bh_ir_print_instr(out, fn, &b->instrs[k]);
			fprintf(out, "  ; %u:%u\n", b->instrs[k].loc.line, b->instrs[k].loc.col);
		}
	}
	fputc('\n', out);
}

void bh_ir_print_cfg(FILE *out, const bh_ir_func *fn)
{
	print_header(out, fn);
	for (uint32_t i = 0; i < fn->nblocks; i++) {
		const bh_ir_block *b = &fn->blocks[i];
		const bh_ir_instr *t = bh_ir_block_terminator(b);
		fprintf(out, "  bb%u -> ", b->id);
		if (b->nsuccs == 0)
			fputs(t && t->op == BH_IR_RET ? "(return)" : "(no return)", out);
		for (uint32_t s = 0; s < b->nsuccs; s++)
			fprintf(out, "%sbb%u", s ? " " : "", b->succs[s]);
		if (b->label)
			fprintf(out, "  ; label %s", b->label);
		fputc('\n', out);
	}
	fputc('\n', out);
}

void bh_ir_print_dot(FILE *out, const bh_ir_func *fn)
{
	// One digraph per function; record-shaped nodes, one line per
	// instruction (\l left-justifies in Graphviz).
	fprintf(out, "digraph \"%s\" {\n  node [shape=record, fontname=monospace];\n", fn->name);
	for (uint32_t i = 0; i < fn->nblocks; i++) {
		const bh_ir_block *b = &fn->blocks[i];
		fprintf(out, "  bb%u [label=\"{bb%u%s%s\\l|", b->id, b->id, b->label ? " " : "",
			b->label ? b->label : "");
		for (uint32_t k = 0; k < b->ninstrs; k++) {
			print_instr_mode(out, fn, &b->instrs[k], true);
			fputs("\\l", out);
		}
		fputs("}\"];\n", out);
	}
	for (uint32_t i = 0; i < fn->nblocks; i++) {
		const bh_ir_block *b = &fn->blocks[i];
		const bh_ir_instr *t = bh_ir_block_terminator(b);
		for (uint32_t s = 0; s < b->nsuccs; s++) {
			const char *label = "";
			if (t->op == BH_IR_BR)
				label = b->succs[s] == t->target[0] ? "T" : "F";
			fprintf(out, "  bb%u -> bb%u%s%s%s;\n", b->id, b->succs[s],
				label[0] ? " [label=\"" : "", label, label[0] ? "\"]" : "");
		}
	}
	fputs("}\n", out);
}

/* ----------------------------------------------------------- operand names */

const bh_ir_instr *bh_ir_block_last_def(const bh_ir_block *b, uint32_t var)
{
	for (uint32_t i = b->ninstrs; i-- > 0;)
		if (b->instrs[i].dst.kind == BH_IR_OPND_VAR && b->instrs[i].dst.var == var)
			return &b->instrs[i];
	return NULL;
}

const bh_ir_instr *bh_ir_def_before(const bh_ir_func *fn, const bh_ir_instr *in, uint32_t var)
{
	const bh_ir_block *b = &fn->blocks[in->block];
	const bh_ir_instr *d = NULL;
	for (uint32_t i = 0; i < b->ninstrs && b->instrs[i].id != in->id; i++)
		if (b->instrs[i].dst.kind == BH_IR_OPND_VAR && b->instrs[i].dst.var == var)
			d = &b->instrs[i];
	return d;
}

const bh_ir_instr *bh_ir_only_def(const bh_ir_func *fn, uint32_t var, size_t *ndefs)
{
	const bh_ir_instr *found = NULL;
	*ndefs = 0;
	for (uint32_t b = 0; b < fn->nblocks; b++)
		for (uint32_t i = 0; i < fn->blocks[b].ninstrs; i++) {
			const bh_ir_instr *in = &fn->blocks[b].instrs[i];
			if (in->dst.kind != BH_IR_OPND_VAR || in->dst.var != var)
				continue;
			if (++*ndefs > 1)
				return NULL;
			found = in;
		}
	return found;
}

static const char *var_text(const bh_ir_func *fn, uint32_t var)
{
	const bh_ir_var *v = &fn->vars[var];
	return v->kind == BH_IR_VAR_TEMP ? NULL : v->name;
}

const char *bh_ir_operand_text(const bh_ir_func *fn, const bh_ir_instr *in, const bh_ir_opnd *o,
			       bh_arena *arena)
{
	if (o->kind != BH_IR_OPND_VAR || o->var >= fn->nvars)
		return NULL;
	const char *name = var_text(fn, o->var);
	if (name)
		return name;
	const bh_ir_instr *d = bh_ir_def_before(fn, in, o->var);
	if (!d || !d->nargs || d->args[0].kind != BH_IR_OPND_VAR)
		return NULL;
	const char *base = var_text(fn, d->args[0].var);
	if (!base)
		return NULL;
	switch (d->op) {
	case BH_IR_FIELD:
		return bh_arena_sprintf(arena, "%s%s%s", base, d->arrow ? "->" : ".",
					d->name ? d->name : "?");
	case BH_IR_LOAD:
		return bh_arena_sprintf(arena, "*%s", base);
	case BH_IR_INDEX:
		return bh_arena_sprintf(arena, "%s[...]", base);
	case BH_IR_ASSIGN:
		return base;
	case BH_IR_BINOP:
		if ((d->sub != BH_IR_BIN_ADD && d->sub != BH_IR_BIN_SUB) || d->nargs < 2)
			return NULL;
		if (d->args[1].kind == BH_IR_OPND_INT)
			return bh_arena_sprintf(arena, "%s %s %" PRId64, base, bh_ir_binop_spelling(d->sub),
						d->args[1].ival);
		return bh_arena_sprintf(arena, "%s %s ...", base, bh_ir_binop_spelling(d->sub));
	default:
		return NULL;
	}
}
