// Entry point of the `noodbel` executable; everything else lives in adapters/cli.
#include <malloc.h>

#include "adapters/cli/cli.h"

int main(int argc, char** argv) {
  // glibc gives each thread that allocates its own malloc arena (up to 8 per core); with the
  // HTTP server's 16 threads that alone took peak RSS from 39 to 50 MB under load
  // (bench/compare.sh, 256 connections) for no measurable speed. Two arenas are enough.
  mallopt(M_ARENA_MAX, 2);
  return noodbel::cli::run(argc, argv);
}
