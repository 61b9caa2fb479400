/*
 * stdio_test: streams over files and memory, buffering, positioning,
 * line input, ungetc and scanf.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <atf-c.h>

ATF_TC_WITHOUT_HEAD(fopen_fwrite_fread_round_trip);
ATF_TC_BODY(fopen_fwrite_fread_round_trip, tc)
{
	char buf[64];
	FILE *fp;

	fp = fopen("f", "w");
	ATF_REQUIRE(fp != NULL);
	ATF_REQUIRE_EQ(fwrite("hello world", 1, 11, fp), 11);
	ATF_REQUIRE_EQ(fprintf(fp, " %d\n", 42), 4);
	ATF_REQUIRE_EQ(fclose(fp), 0);

	fp = fopen("f", "r");
	ATF_REQUIRE(fp != NULL);
	memset(buf, 0, sizeof(buf));
	ATF_REQUIRE_EQ(fread(buf, 1, sizeof(buf), fp), 15);
	ATF_REQUIRE_STREQ(buf, "hello world 42\n");
	ATF_REQUIRE(feof(fp));
	ATF_REQUIRE(!ferror(fp));
	ATF_REQUIRE_EQ(fgetc(fp), EOF);
	fclose(fp);
}

ATF_TC_WITHOUT_HEAD(fopen_missing_file_ENOENT);
ATF_TC_BODY(fopen_missing_file_ENOENT, tc)
{

	ATF_REQUIRE_ERRNO(ENOENT, fopen("does-not-exist", "r") == NULL);
}

ATF_TC_WITHOUT_HEAD(fseek_ftell_rewind_on_read_write_stream);
ATF_TC_BODY(fseek_ftell_rewind_on_read_write_stream, tc)
{
	FILE *fp;

	fp = fopen("f", "w+");
	ATF_REQUIRE(fp != NULL);
	fputs("0123456789", fp);
	ATF_REQUIRE_EQ(ftell(fp), 10);
	ATF_REQUIRE_EQ(fseek(fp, 3, SEEK_SET), 0);
	ATF_REQUIRE_EQ(fgetc(fp), '3');
	ATF_REQUIRE_EQ(ftell(fp), 4);
	ATF_REQUIRE_EQ(fseek(fp, -2, SEEK_END), 0);
	ATF_REQUIRE_EQ(fgetc(fp), '8');
	ATF_REQUIRE_EQ(fseek(fp, 0, SEEK_CUR), 0);
	ATF_REQUIRE_EQ(fputc('X', fp), 'X');
	rewind(fp);
	{
		char buf[16];
		ATF_REQUIRE(fgets(buf, sizeof(buf), fp) != NULL);
		ATF_REQUIRE_STREQ(buf, "012345678X");
	}
	fclose(fp);
}

ATF_TC_WITHOUT_HEAD(fgets_stops_after_newline_and_at_size);
ATF_TC_BODY(fgets_stops_after_newline_and_at_size, tc)
{
	char buf[5];
	FILE *fp;

	fp = fopen("f", "w");
	fputs("ab\nabcdefg\n", fp);
	fclose(fp);
	fp = fopen("f", "r");
	ATF_REQUIRE_STREQ(fgets(buf, sizeof(buf), fp), "ab\n");
	ATF_REQUIRE_STREQ(fgets(buf, sizeof(buf), fp), "abcd");
	ATF_REQUIRE_STREQ(fgets(buf, sizeof(buf), fp), "efg\n");
	ATF_REQUIRE_EQ(fgets(buf, sizeof(buf), fp), NULL);
	fclose(fp);
}

ATF_TC_WITHOUT_HEAD(ungetc_pushes_back_one_byte);
ATF_TC_BODY(ungetc_pushes_back_one_byte, tc)
{
	FILE *fp;

	fp = fopen("f", "w");
	fputs("xy", fp);
	fclose(fp);
	fp = fopen("f", "r");
	ATF_REQUIRE_EQ(fgetc(fp), 'x');
	ATF_REQUIRE_EQ(ungetc('q', fp), 'q');
	ATF_REQUIRE_EQ(fgetc(fp), 'q');
	ATF_REQUIRE_EQ(fgetc(fp), 'y');
	ATF_REQUIRE_EQ(fgetc(fp), EOF);
	ATF_REQUIRE_EQ(ungetc('z', fp), 'z');
	ATF_REQUIRE(!feof(fp));
	ATF_REQUIRE_EQ(fgetc(fp), 'z');
	fclose(fp);
}

ATF_TC_WITHOUT_HEAD(getline_grows_buffer);
ATF_TC_BODY(getline_grows_buffer, tc)
{
	char *line = NULL;
	size_t cap = 0;
	FILE *fp;
	int i;

	fp = fopen("f", "w");
	for (i = 0; i < 1000; i++)
		fputc('a' + i % 26, fp);
	fputs("\nshort\nlast", fp);
	fclose(fp);
	fp = fopen("f", "r");
	ATF_REQUIRE_EQ(getline(&line, &cap, fp), 1001);
	ATF_REQUIRE(cap > 1001);
	ATF_REQUIRE_EQ(getline(&line, &cap, fp), 6);
	ATF_REQUIRE_STREQ(line, "short\n");
	ATF_REQUIRE_EQ(getline(&line, &cap, fp), 4);
	ATF_REQUIRE_STREQ(line, "last");
	ATF_REQUIRE_EQ(getline(&line, &cap, fp), -1);
	free(line);
	fclose(fp);
}

ATF_TC_WITHOUT_HEAD(fdopen_wraps_descriptor);
ATF_TC_BODY(fdopen_wraps_descriptor, tc)
{
	char buf[8];
	FILE *fp;
	int fd;

	fd = open("f", O_RDWR | O_CREAT | O_TRUNC, 0644);
	ATF_REQUIRE(fd >= 0);
	fp = fdopen(fd, "w");
	ATF_REQUIRE(fp != NULL);
	ATF_REQUIRE_EQ(fileno(fp), fd);
	fputs("abc", fp);
	ATF_REQUIRE_EQ(fflush(fp), 0);
	ATF_REQUIRE_EQ(pread(fd, buf, sizeof(buf), 0), 3);
	fclose(fp);
	ATF_REQUIRE_ERRNO(EBADF, close(fd) == -1);
}

ATF_TC_WITHOUT_HEAD(full_buffering_holds_output_until_flush);
ATF_TC_BODY(full_buffering_holds_output_until_flush, tc)
{
	char buf[8];
	FILE *fp;
	int fd;

	fp = fopen("f", "w");
	ATF_REQUIRE_EQ(setvbuf(fp, NULL, _IOFBF, 64), 0);
	fputs("abc\n", fp);
	fd = open("f", O_RDONLY);
	ATF_REQUIRE_EQ(read(fd, buf, sizeof(buf)), 0);
	fflush(fp);
	ATF_REQUIRE_EQ(read(fd, buf, sizeof(buf)), 4);
	ATF_REQUIRE_EQ(setvbuf(fp, NULL, _IOLBF, 64), 0);
	fputs("de", fp);
	ATF_REQUIRE_EQ(read(fd, buf, sizeof(buf)), 0);
	fputs("\n", fp);
	ATF_REQUIRE_EQ(read(fd, buf, sizeof(buf)), 3);
	ATF_REQUIRE_EQ(setvbuf(fp, NULL, _IONBF, 0), 0);
	fputc('z', fp);
	ATF_REQUIRE_EQ(read(fd, buf, sizeof(buf)), 1);
	close(fd);
	fclose(fp);
}

ATF_TC_WITHOUT_HEAD(sscanf_converts_and_counts_assignments);
ATF_TC_BODY(sscanf_converts_and_counts_assignments, tc)
{
	char word[16], rest[16];
	unsigned int x;
	double d;
	long l;
	int i, n;

	ATF_REQUIRE_EQ(sscanf("12 abc 0x1f -7 2.5", "%d %15s %x %ld %lf", &i,
	    word, &x, &l, &d), 5);
	ATF_REQUIRE_EQ(i, 12);
	ATF_REQUIRE_STREQ(word, "abc");
	ATF_REQUIRE_EQ(x, 31);
	ATF_REQUIRE_EQ(l, -7);
	ATF_REQUIRE_EQ(d, 2.5);
	ATF_REQUIRE_EQ(sscanf("k=v;", "%[^=]=%[^;]%n", word, rest, &n), 2);
	ATF_REQUIRE_STREQ(word, "k");
	ATF_REQUIRE_STREQ(rest, "v");
	ATF_REQUIRE_EQ(n, 3);
	ATF_REQUIRE_EQ(sscanf("abc", "%d", &i), 0);
	ATF_REQUIRE_EQ(sscanf("", "%d", &i), EOF);
	ATF_REQUIRE_EQ(sscanf("10:20", "%d:%*d", &i), 1);
}

ATF_TC_WITHOUT_HEAD(fmemopen_reads_and_writes_buffer);
ATF_TC_BODY(fmemopen_reads_and_writes_buffer, tc)
{
	char buf[16] = "hello";
	char out[16];
	FILE *fp;

	fp = fmemopen(buf, 5, "r");
	ATF_REQUIRE(fp != NULL);
	ATF_REQUIRE_STREQ(fgets(out, sizeof(out), fp), "hello");
	fclose(fp);
	fp = fmemopen(buf, sizeof(buf), "w");
	fprintf(fp, "%d-%d", 1, 2);
	fclose(fp);
	ATF_REQUIRE_STREQ(buf, "1-2");
}

ATF_TC_WITHOUT_HEAD(open_memstream_publishes_buffer);
ATF_TC_BODY(open_memstream_publishes_buffer, tc)
{
	char *p;
	size_t len;
	FILE *fp;
	int i;

	fp = open_memstream(&p, &len);
	ATF_REQUIRE(fp != NULL);
	for (i = 0; i < 1000; i++)
		fprintf(fp, "%d,", i % 10);
	fflush(fp);
	ATF_REQUIRE_EQ(len, 2000);
	fclose(fp);
	ATF_REQUIRE_EQ(strlen(p), 2000);
	ATF_REQUIRE_EQ(strncmp(p, "0,1,2,", 6), 0);
	free(p);
}

ATF_TC_WITHOUT_HEAD(dprintf_writes_to_descriptor);
ATF_TC_BODY(dprintf_writes_to_descriptor, tc)
{
	char buf[16];
	int fd;

	fd = open("f", O_RDWR | O_CREAT | O_TRUNC, 0644);
	ATF_REQUIRE_EQ(dprintf(fd, "x=%d", 5), 3);
	ATF_REQUIRE_EQ(pread(fd, buf, sizeof(buf), 0), 3);
	ATF_REQUIRE_EQ(memcmp(buf, "x=5", 3), 0);
	close(fd);
}

ATF_TC_WITHOUT_HEAD(perror_prints_message_for_errno);
ATF_TC_BODY(perror_prints_message_for_errno, tc)
{
	pid_t pid;

	pid = atf_utils_fork();
	if (pid == 0) {
		errno = ENOENT;
		perror("prefix");
		exit(0);
	}
	atf_utils_wait(pid, 0, "", "prefix: No such file or directory\n");
}

ATF_TP_ADD_TCS(tp)
{

	ATF_TP_ADD_TC(tp, fopen_fwrite_fread_round_trip);
	ATF_TP_ADD_TC(tp, fopen_missing_file_ENOENT);
	ATF_TP_ADD_TC(tp, fseek_ftell_rewind_on_read_write_stream);
	ATF_TP_ADD_TC(tp, fgets_stops_after_newline_and_at_size);
	ATF_TP_ADD_TC(tp, ungetc_pushes_back_one_byte);
	ATF_TP_ADD_TC(tp, getline_grows_buffer);
	ATF_TP_ADD_TC(tp, fdopen_wraps_descriptor);
	ATF_TP_ADD_TC(tp, full_buffering_holds_output_until_flush);
	ATF_TP_ADD_TC(tp, sscanf_converts_and_counts_assignments);
	ATF_TP_ADD_TC(tp, fmemopen_reads_and_writes_buffer);
	ATF_TP_ADD_TC(tp, open_memstream_publishes_buffer);
	ATF_TP_ADD_TC(tp, dprintf_writes_to_descriptor);
	ATF_TP_ADD_TC(tp, perror_prints_message_for_errno);
	return (atf_no_error());
}
