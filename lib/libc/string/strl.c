/*
 * strl.c: strlcpy and strlcat: copy with truncation, always terminate
 * (size > 0), return the length the result would have had.
 */
#include <string.h>

size_t
strlcpy(char *restrict dst, const char *restrict src, size_t size)
{
	size_t len;

	len = strlen(src);
	if (size > 0) {
		size_t n = len < size - 1 ? len : size - 1;
		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return (len);
}

size_t
strlcat(char *restrict dst, const char *restrict src, size_t size)
{
	size_t dlen;

	dlen = strnlen(dst, size);
	if (dlen == size)
		return (size + strlen(src));
	return (dlen + strlcpy(dst + dlen, src, size - dlen));
}
