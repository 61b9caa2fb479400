/*
 * sys/syslimits.h (user space): FreeBSD's kernel limits.
 */
#ifndef _SYS_SYSLIMITS_H_
#define _SYS_SYSLIMITS_H_

#define	ARG_MAX			(2 * 256 * 1024)
#define	CHILD_MAX		40
#define	MAX_CANON		255
#define	MAX_INPUT		255
#define	NAME_MAX		255
#define	NGROUPS_MAX		1023
#define	OPEN_MAX		64
#define	PATH_MAX		1024
#define	PIPE_BUF		512
#define	IOV_MAX			1024
#define	LINE_MAX		2048
#define	BC_BASE_MAX		99
#define	BC_DIM_MAX		2048
#define	BC_SCALE_MAX		99
#define	BC_STRING_MAX		1000
#define	CHARCLASS_NAME_MAX	14
#define	COLL_WEIGHTS_MAX	10
#define	EXPR_NEST_MAX		32
#define	RE_DUP_MAX		255
#define	NZERO			0
#define	HOST_NAME_MAX		255
#define	LOGIN_NAME_MAX		33

#endif /* !_SYS_SYSLIMITS_H_ */
