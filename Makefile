# The commands a new user types. CMake does the real work in build/.
#   make run    install what is missing, build, run models/example into output/
#   make test   install what is missing, build, run the whole test suite
#   make check-asan   the suite again under AddressSanitizer and UBSan (build-asan/)
#   make check-format every C file laid out as .clang-format says
#   make bench  time mtfp against a pandas reference and the libxlsxwriter floor,
#               and mtfp simulate; writes bench/RESULTS.md
#   make fuzz   run each libFuzzer harness for FUZZ_SECONDS (clang; build-fuzz/)
#   make install   build and install under PREFIX (default /usr/local), staged
#               under DESTDIR if given: make install DESTDIR=$PWD/stage
#   make deb    build a Debian package (CPack) in build-deb/, installing in /usr

BUILD      ?= build
ASAN_BUILD ?= build-asan
DEB_BUILD  ?= build-deb
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 60
FUZZERS    = money csv script xlsx
CMAKE_ARGS ?=
PREFIX     ?= /usr/local
DESTDIR    ?=

# Debian packages the build and the tests need, and a file each one installs.
DEPS = cmake:/usr/bin/cmake \
       pkg-config:/usr/bin/pkg-config \
       liblua5.4-dev:/usr/include/lua5.4/lua.h \
       libxlsxwriter-dev:/usr/include/xlsxwriter.h \
       libcsv-dev:/usr/include/csv.h \
       libminizip-dev:/usr/include/minizip/unzip.h \
       libexpat1-dev:/usr/include/expat.h \
       libcmocka-dev:/usr/include/cmocka.h
# And what only the tests need: LibreOffice and Gnumeric recalculate the pack;
# the fonts the pack names (Arial and Calibri, whose metrics Liberation Sans
# and Carlito share) lay out its printed pages as Excel would; man renders the
# manual page.
TEST_DEPS = libreoffice-calc-nogui:/usr/bin/soffice gnumeric:/usr/bin/ssconvert unzip:/usr/bin/unzip \
            fonts-liberation:/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf \
            fonts-crosextra-carlito:/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf \
            man-db:/usr/bin/man
# The C sources' layout (.clang-format), checked by CI.
FORMAT_DEPS = clang-format:/usr/bin/clang-format
C_SOURCES = $(wildcard engine/*/*.[ch] include/mtfp/*.h tests/unit/*.c tests/fuzz/*.c bench/*.c)
FUZZ_DEPS = clang:/usr/bin/clang
# The benchmark's reference implementation is Python with pandas and XlsxWriter.
BENCH_DEPS = python3-pandas:/usr/lib/python3/dist-packages/pandas/__init__.py \
             python3-xlsxwriter:/usr/lib/python3/dist-packages/xlsxwriter/__init__.py
missing = $(foreach d,$(1),$(if $(wildcard $(word 2,$(subst :, ,$(d)))),,$(word 1,$(subst :, ,$(d)))))
SUDO = $(if $(filter 0,$(shell id -u)),,sudo)
APT = DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get -o DPkg::Lock::Timeout=600

.PHONY: all run test check-asan check-format bench fuzz build install deb deps test-deps clean

all: build

define install
	@if [ -n "$(strip $(1))" ]; then \
	  echo "Installing Debian packages: $(strip $(1))"; \
	  $(APT) update -qq && $(APT) install -y -qq --no-install-recommends $(1); \
	fi
endef

deps:
	$(call install,$(call missing,$(DEPS)))

test-deps: deps
	$(call install,$(call missing,$(TEST_DEPS)))

build: deps
	cmake -S . -B $(BUILD) -DMTFP_WERROR=ON $(CMAKE_ARGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)

# The binary looks for the installed example under PREFIX (when not beside it),
# so PREFIX is the build's install prefix, not only where the files go.
install: deps
	cmake -S . -B $(BUILD) -DMTFP_WERROR=ON -DCMAKE_INSTALL_PREFIX=$(PREFIX) $(CMAKE_ARGS) >/dev/null
	cmake --build $(BUILD) -j $(JOBS)
	DESTDIR="$(DESTDIR)" cmake --install $(BUILD)

# A build of its own, for /usr; the package is build-deb/mtfp_VERSION_ARCH.deb.
deb: deps
	cmake -S . -B $(DEB_BUILD) -DMTFP_WERROR=ON -DMTFP_BENCH=OFF -DCMAKE_INSTALL_PREFIX=/usr $(CMAKE_ARGS) >/dev/null
	cmake --build $(DEB_BUILD) -j $(JOBS)
	cd $(DEB_BUILD) && cpack -G DEB

run: build
	./$(BUILD)/mtfp run

test: test-deps build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

check-asan: test-deps
	cmake -S . -B $(ASAN_BUILD) -DMTFP_WERROR=ON -DMTFP_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug $(CMAKE_ARGS) >/dev/null
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

check-format:
	$(call install,$(call missing,$(FORMAT_DEPS)))
	@clang-format --dry-run --Werror $(C_SOURCES) && echo "clang-format: $(words $(C_SOURCES)) files laid out as .clang-format says"

bench: deps
	$(call install,$(call missing,$(BENCH_DEPS)))
	bash bench/run.sh

fuzz: deps
	$(call install,$(call missing,$(FUZZ_DEPS)))
	CC=clang cmake -S . -B build-fuzz -DMTFP_FUZZ=ON -DMTFP_BENCH=OFF >/dev/null
	cmake --build build-fuzz -j $(JOBS) --target $(addprefix fuzz_,$(FUZZERS))
	for f in $(FUZZERS); do \
	  mkdir -p build-fuzz/corpus/$$f && \
	  MTFP_SOURCE_DIR=$(CURDIR) build-fuzz/tests/fuzz/fuzz_$$f -max_total_time=$(FUZZ_SECONDS) \
	    -rss_limit_mb=2048 -timeout=20 build-fuzz/corpus/$$f tests/fuzz/corpus/$$f || exit 1; \
	done

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(DEB_BUILD) build-bench build-fuzz
