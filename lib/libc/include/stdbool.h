/*
 * stdbool.h (user space).
 */
#ifndef __bool_true_false_are_defined
#define	__bool_true_false_are_defined	1
#ifndef __cplusplus
#define	false	0
#define	true	1
#define	bool	_Bool
#endif
#endif
