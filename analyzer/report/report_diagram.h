/* SPDX-License-Identifier: MIT */
/*
 * A layered graph drawn as inline SVG for the HTML report: sources on the
 * left, then build stages, artifacts, image paths and the runtime on the
 * right. The caller places each node in a column; bh_diagram_layout orders
 * the nodes of each column to reduce edge crossings (a Sugiyama-style
 * layout: barycenter sweeps, no dummy nodes) and gives every node its
 * coordinates; bh_diagram_svg writes the picture.
 *
 * Every string may hold bytes from an untrusted build context: the writer
 * escapes all of them and replaces invalid UTF-8 and control characters.
 * The output depends only on the input (no pointers, no hashing, stable
 * sorts, fixed number formats): the same diagram gives the same bytes.
 */
#ifndef BULKHEAD_REPORT_DIAGRAM_H
#define BULKHEAD_REPORT_DIAGRAM_H

#include <stdio.h>

#include "bulkhead/common.h"
#include "bulkhead/vec.h"

/** What a node stands for; each kind is a CSS class and a fill colour. */
typedef enum {
	BH_DIAG_SOURCE,   /* a file of the build context ("source") */
	BH_DIAG_STAGE,    /* a Dockerfile build stage ("stage") */
	BH_DIAG_ARTIFACT, /* a file a stage produces ("artifact") */
	BH_DIAG_PATH,     /* a path in the final image ("path") */
	BH_DIAG_RUNTIME,  /* the entrypoint, user, ports ("runtime") */
	BH_DIAG_MORE,     /* "… 12 more": nodes left out ("more") */
} bh_diag_kind;

/**
 * One box of the diagram. The strings are borrowed: they must stay valid
 * until the diagram is written.
 */
typedef struct {
	bh_diag_kind kind;
	unsigned column;    /* layer, 0 = leftmost; columns are drawn left to right */
	const char *label;  /* shown text, untrusted bytes; NULL shows nothing */
	const char *title;  /* tooltip below the full label, or NULL */
	const char *href;   /* in-page link ("#f-3") or NULL; any other link is dropped */
	unsigned badges[3]; /* findings: [0] errors, [1] warnings, [2] notes; 0 draws no badge */
	bool secret;        /* a secret-bearing file or on a secret's path: red outline */
	bool emphasis;      /* the target stage or the entrypoint: drawn bold */
	double order;       /* initial order within its column; ties keep insertion order */
	/* Filled by bh_diagram_layout: */
	unsigned row;       /* position in its column, 0 = top */
	double x, y, w, h;  /* the box, in px; (x, y) is its top left corner */
} bh_diag_node;

/** An arrow between two nodes (indices into `nodes`). */
typedef struct {
	size_t from, to;
	bool secret;       /* a secret travels along it: red and dashed */
	const char *label; /* small text at its middle, borrowed, or NULL */
} bh_diag_edge;

/**
 * A diagram: caller storage, start from `{0}` and release with
 * bh_diagram_dispose.
 */
typedef struct {
	BH_VEC(bh_diag_node) nodes;
	BH_VEC(bh_diag_edge) edges;
	const char **column_titles; /* heading of column i < ncolumns, or NULL; borrowed */
	size_t ncolumns;
	const char *caption;        /* accessible name and <title>, borrowed; or NULL */
	/* Filled by bh_diagram_layout: */
	double width, height;       /* the picture, in px, margins included */
	double *title_x;            /* x of each column heading (ncolumns entries); owned */
	double title_y;             /* baseline of the headings */
} bh_diagram;

/**
 * Append a copy of `n` to `d`.
 * @return its index, for bh_diagram_edge.
 */
size_t bh_diagram_node(bh_diagram *d, bh_diag_node n);

/**
 * Append an edge from node `from` to node `to`. An edge within a column or
 * going backwards is allowed: it is drawn as a loop or a reversed curve.
 * Indices out of range are a bug (assertion).
 */
void bh_diagram_edge(bh_diagram *d, size_t from, size_t to, bool secret, const char *label);

/**
 * Order the nodes of each column and compute every node's `row`, `x`, `y`,
 * `w` and `h` and the diagram's size. Starts again from each node's `order`
 * whenever called, so calling it twice gives the same result. Linear in the
 * edges per sweep, with a fixed number of sweeps, and no recursion.
 */
void bh_diagram_layout(bh_diagram *d);

/**
 * Write `d` as one `<svg>` element (no XML declaration, ready to inline in
 * HTML). Call bh_diagram_layout first. A diagram without nodes gives a small
 * picture saying "no image". Each node is a `<g class="node KIND [secret]
 * [emphasis]" data-label="...">`, wrapped in `<a href>` when it has a link.
 * @return BH_OK, or BH_EIO if writing failed.
 */
bh_status bh_diagram_svg(FILE *out, const bh_diagram *d);

/** Free what `d` owns (not the borrowed strings); `d` is then empty. */
void bh_diagram_dispose(bh_diagram *d);

#endif
