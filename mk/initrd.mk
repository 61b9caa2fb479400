# mk/initrd.mk: the boot image, obj/initrd.cpio (owner: the userland
# engineer).  Included by the top Makefile after mk/user.mk, whose
# $(UOBJ)/MANIFEST lists every built program and file with its path in the
# image ("built-file /install/path mode"); the programs themselves are
# listed in the build.mk of their directories (bin/*, sbin/*, libexec/*,
# tests/**).  tools/mkinitrd turns the manifest into a newc cpio archive
# with /bin, /sbin, /usr/libexec, /usr/tests, /etc, /dev and /tmp, which
# tools/vmrun hands to QEMU with -initrd.
#
# Every ATF test program in the image, /usr/tests/D/X, should have a kyua
# wrapper tests/D/X (or tests/D/X_smpN), a symlink to tests/guest_bridge;
# building the image warns about the ones that have none.

INITRD		:= $(OBJDIR)/initrd.cpio

.PHONY: initrd
initrd: $(INITRD)

$(INITRD): $(UOBJ)/MANIFEST $(USER_PROGS) tools/mkinitrd mk/initrd.mk
	@echo "INITRD $@"
	@awk '{ gsub(/\/+/, "/", $$2) } \
	    $$2 ~ /^\/usr\/tests\/.*_test$$/ { print substr($$2, 12) }' \
	    $(UOBJ)/MANIFEST | while read -r t; do \
		found=; \
		for w in "tests/$$t" "tests/$$t"_smp*; do \
			[ -e "$$w" ] && found=1; \
		done; \
		[ -n "$$found" ] || echo "warning: /usr/tests/$$t has no kyua" \
		    "wrapper; add one: ln -s $$(echo "$$t" | \
		    sed 's|[^/]*/|../|g; s|[^/]*$$||')guest_bridge tests/$$t"; \
	done
	@tools/mkinitrd -o $@ -m $(UOBJ)/MANIFEST
