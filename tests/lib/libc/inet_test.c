/*
 * inet_test: address conversions and numeric getaddrinfo.
 */
#include <sys/types.h>
#include <sys/socket.h>
#include <netinet/in.h>
#include <arpa/inet.h>
#include <netdb.h>
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include <atf-c.h>

ATF_TC_WITHOUT_HEAD(byte_order_functions_swap_on_little_endian);
ATF_TC_BODY(byte_order_functions_swap_on_little_endian, tc)
{

	ATF_REQUIRE_EQ(htons(0x1234), 0x3412);
	ATF_REQUIRE_EQ(htonl(0x11223344), 0x44332211);
	ATF_REQUIRE_EQ(ntohs(htons(80)), 80);
	ATF_REQUIRE_EQ(ntohl(htonl(0xdeadbeef)), 0xdeadbeef);
}

ATF_TC_WITHOUT_HEAD(inet_pton_ntop_ipv4_round_trip);
ATF_TC_BODY(inet_pton_ntop_ipv4_round_trip, tc)
{
	struct in_addr a;
	char buf[INET_ADDRSTRLEN];

	ATF_REQUIRE_EQ(inet_pton(AF_INET, "192.168.1.20", &a), 1);
	ATF_REQUIRE_EQ(a.s_addr, htonl(0xc0a80114));
	ATF_REQUIRE_STREQ(inet_ntop(AF_INET, &a, buf, sizeof(buf)),
	    "192.168.1.20");
	ATF_REQUIRE_EQ(inet_pton(AF_INET, "256.1.1.1", &a), 0);
	ATF_REQUIRE_EQ(inet_pton(AF_INET, "1.2.3", &a), 0);
	ATF_REQUIRE_EQ(inet_pton(AF_INET, "1.2.3.4 ", &a), 0);
	ATF_REQUIRE_ERRNO(EAFNOSUPPORT, inet_pton(12345, "1.2.3.4", &a) == -1);
	ATF_REQUIRE_ERRNO(ENOSPC,
	    inet_ntop(AF_INET, &a, buf, 7) == NULL);
}

ATF_TC_WITHOUT_HEAD(inet_pton_ntop_ipv6_compresses_zeros);
ATF_TC_BODY(inet_pton_ntop_ipv6_compresses_zeros, tc)
{
	struct in6_addr a;
	char buf[INET6_ADDRSTRLEN];

	ATF_REQUIRE_EQ(inet_pton(AF_INET6, "::1", &a), 1);
	ATF_REQUIRE(IN6_IS_ADDR_LOOPBACK(&a));
	ATF_REQUIRE(memcmp(&a, &in6addr_loopback, sizeof(a)) == 0);
	ATF_REQUIRE_STREQ(inet_ntop(AF_INET6, &a, buf, sizeof(buf)), "::1");
	ATF_REQUIRE_EQ(inet_pton(AF_INET6, "2001:db8:0:0:1:0:0:1", &a), 1);
	ATF_REQUIRE_STREQ(inet_ntop(AF_INET6, &a, buf, sizeof(buf)),
	    "2001:db8::1:0:0:1");
	ATF_REQUIRE_EQ(inet_pton(AF_INET6, "::ffff:10.0.0.1", &a), 1);
	ATF_REQUIRE(IN6_IS_ADDR_V4MAPPED(&a));
	ATF_REQUIRE_STREQ(inet_ntop(AF_INET6, &a, buf, sizeof(buf)),
	    "::ffff:10.0.0.1");
	ATF_REQUIRE_EQ(inet_pton(AF_INET6, "::", &a), 1);
	ATF_REQUIRE(IN6_IS_ADDR_UNSPECIFIED(&a));
	ATF_REQUIRE_STREQ(inet_ntop(AF_INET6, &a, buf, sizeof(buf)), "::");
	ATF_REQUIRE_EQ(inet_pton(AF_INET6, "1::2::3", &a), 0);
	ATF_REQUIRE_EQ(inet_pton(AF_INET6, "12345::", &a), 0);
}

ATF_TC_WITHOUT_HEAD(inet_aton_accepts_classic_forms);
ATF_TC_BODY(inet_aton_accepts_classic_forms, tc)
{
	struct in_addr a;

	ATF_REQUIRE_EQ(inet_aton("127.0.0.1", &a), 1);
	ATF_REQUIRE_EQ(a.s_addr, htonl(INADDR_LOOPBACK));
	ATF_REQUIRE_EQ(inet_aton("127.1", &a), 1);
	ATF_REQUIRE_EQ(a.s_addr, htonl(0x7f000001));
	ATF_REQUIRE_EQ(inet_aton("0x7f.1", &a), 1);
	ATF_REQUIRE_EQ(a.s_addr, htonl(0x7f000001));
	ATF_REQUIRE_EQ(inet_aton("2130706433", &a), 1);
	ATF_REQUIRE_EQ(a.s_addr, htonl(0x7f000001));
	ATF_REQUIRE_EQ(inet_aton("1.2.3.4.5", &a), 0);
	ATF_REQUIRE_EQ(inet_addr("10.1.2.3"), htonl(0x0a010203));
	ATF_REQUIRE_EQ(inet_addr("bogus"), INADDR_NONE);
	a.s_addr = htonl(0x0a000001);
	ATF_REQUIRE_STREQ(inet_ntoa(a), "10.0.0.1");
}

ATF_TC_WITHOUT_HEAD(getaddrinfo_numeric_host_and_service);
ATF_TC_BODY(getaddrinfo_numeric_host_and_service, tc)
{
	struct addrinfo hints, *res;
	struct sockaddr_in *sin;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_INET;
	hints.ai_socktype = SOCK_STREAM;
	ATF_REQUIRE_EQ(getaddrinfo("127.0.0.1", "8080", &hints, &res), 0);
	ATF_REQUIRE(res != NULL);
	ATF_REQUIRE_EQ(res->ai_family, AF_INET);
	ATF_REQUIRE_EQ(res->ai_socktype, SOCK_STREAM);
	ATF_REQUIRE_EQ(res->ai_protocol, IPPROTO_TCP);
	ATF_REQUIRE_EQ(res->ai_addrlen, sizeof(struct sockaddr_in));
	sin = (struct sockaddr_in *)res->ai_addr;
	ATF_REQUIRE_EQ(sin->sin_len, sizeof(struct sockaddr_in));
	ATF_REQUIRE_EQ(sin->sin_family, AF_INET);
	ATF_REQUIRE_EQ(sin->sin_port, htons(8080));
	ATF_REQUIRE_EQ(sin->sin_addr.s_addr, htonl(INADDR_LOOPBACK));
	ATF_REQUIRE_EQ(res->ai_next, NULL);
	freeaddrinfo(res);
}

ATF_TC_WITHOUT_HEAD(getaddrinfo_passive_null_host_is_wildcard);
ATF_TC_BODY(getaddrinfo_passive_null_host_is_wildcard, tc)
{
	struct addrinfo hints, *res;
	struct sockaddr_in *sin;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_INET;
	hints.ai_socktype = SOCK_DGRAM;
	hints.ai_flags = AI_PASSIVE;
	ATF_REQUIRE_EQ(getaddrinfo(NULL, "53", &hints, &res), 0);
	sin = (struct sockaddr_in *)res->ai_addr;
	ATF_REQUIRE_EQ(sin->sin_addr.s_addr, htonl(INADDR_ANY));
	ATF_REQUIRE_EQ(res->ai_protocol, IPPROTO_UDP);
	freeaddrinfo(res);
}

ATF_TC_WITHOUT_HEAD(getaddrinfo_rejects_names_it_cannot_resolve);
ATF_TC_BODY(getaddrinfo_rejects_names_it_cannot_resolve, tc)
{
	struct addrinfo hints, *res;

	memset(&hints, 0, sizeof(hints));
	ATF_REQUIRE_EQ(getaddrinfo("no.such.host.invalid", "80", &hints, &res),
	    EAI_NONAME);
	hints.ai_flags = AI_NUMERICSERV;
	ATF_REQUIRE_EQ(getaddrinfo("127.0.0.1", "http", &hints, &res),
	    EAI_SERVICE);
	hints.ai_flags = 0;
	hints.ai_family = 12345;
	ATF_REQUIRE_EQ(getaddrinfo("127.0.0.1", "80", &hints, &res),
	    EAI_FAMILY);
	ATF_REQUIRE_STREQ(gai_strerror(EAI_NONAME),
	    "hostname nor servname provided, or not known");
}

ATF_TC_WITHOUT_HEAD(getaddrinfo_unspec_returns_both_socket_types);
ATF_TC_BODY(getaddrinfo_unspec_returns_both_socket_types, tc)
{
	struct addrinfo hints, *res, *ai;
	int stream = 0, dgram = 0;

	memset(&hints, 0, sizeof(hints));
	hints.ai_family = AF_INET;
	ATF_REQUIRE_EQ(getaddrinfo("10.0.0.1", "7", &hints, &res), 0);
	for (ai = res; ai != NULL; ai = ai->ai_next) {
		stream += ai->ai_socktype == SOCK_STREAM;
		dgram += ai->ai_socktype == SOCK_DGRAM;
	}
	ATF_REQUIRE_EQ(stream, 1);
	ATF_REQUIRE_EQ(dgram, 1);
	freeaddrinfo(res);
}

ATF_TC_WITHOUT_HEAD(sockaddr_layouts_match_freebsd);
ATF_TC_BODY(sockaddr_layouts_match_freebsd, tc)
{

	ATF_REQUIRE_EQ(sizeof(struct sockaddr), 16);
	ATF_REQUIRE_EQ(sizeof(struct sockaddr_in), 16);
	ATF_REQUIRE_EQ(sizeof(struct sockaddr_in6), 28);
	ATF_REQUIRE_EQ(sizeof(struct sockaddr_storage), 128);
	ATF_REQUIRE_EQ(offsetof(struct sockaddr_in, sin_port), 2);
	ATF_REQUIRE_EQ(offsetof(struct sockaddr_in, sin_addr), 4);
	ATF_REQUIRE_EQ(sizeof(struct msghdr), 48);
	ATF_REQUIRE_EQ(offsetof(struct msghdr, msg_control), 32);
	ATF_REQUIRE_EQ(sizeof(struct cmsghdr), 12);
	ATF_REQUIRE_EQ(CMSG_LEN(sizeof(int)), 20);
	ATF_REQUIRE_EQ(CMSG_SPACE(sizeof(int)), 24);
	ATF_REQUIRE_EQ(sizeof(struct cmsgcred), 84);
	ATF_REQUIRE_EQ(sizeof(struct linger), 8);
}

ATF_TP_ADD_TCS(tp)
{

	ATF_TP_ADD_TC(tp, byte_order_functions_swap_on_little_endian);
	ATF_TP_ADD_TC(tp, inet_pton_ntop_ipv4_round_trip);
	ATF_TP_ADD_TC(tp, inet_pton_ntop_ipv6_compresses_zeros);
	ATF_TP_ADD_TC(tp, inet_aton_accepts_classic_forms);
	ATF_TP_ADD_TC(tp, getaddrinfo_numeric_host_and_service);
	ATF_TP_ADD_TC(tp, getaddrinfo_passive_null_host_is_wildcard);
	ATF_TP_ADD_TC(tp, getaddrinfo_rejects_names_it_cannot_resolve);
	ATF_TP_ADD_TC(tp, getaddrinfo_unspec_returns_both_socket_types);
	ATF_TP_ADD_TC(tp, sockaddr_layouts_match_freebsd);
	return (atf_no_error());
}
