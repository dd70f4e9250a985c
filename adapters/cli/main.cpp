// Entry point of the `noodbel` executable; everything else lives in adapters/cli.
#include "adapters/cli/cli.h"

int main(int argc, char** argv) { return noodbel::cli::run(argc, argv); }
