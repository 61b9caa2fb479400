#!/bin/sh
# mksyms.sh KERNEL OUT.S: emit the function symbol table of KERNEL as an
# assembly file for the .ksyms section (used by panic backtraces).
# The first link uses an empty table; the second link adds this one after
# .rodata, so no function address changes between the two links.
set -e
kernel=$1
out=$2
{
	echo '	.section .ksyms, "a"'
	echo '	.align 8'
	echo '	.globl ksyms_table'
	echo 'ksyms_table:'
	nm -n --defined-only "$kernel" | awk '$2 ~ /^[tT]$/ {
		printf "\t.quad 0x%s, .Ln%d\n", $1, n; names[n++] = $3 }
		END {
		printf "\t.globl ksyms_count\nksyms_count:\n\t.quad %d\n", n
		for (i = 0; i < n; i++) printf ".Ln%d:\t.asciz \"%s\"\n", i, names[i] }'
} > "$out"
