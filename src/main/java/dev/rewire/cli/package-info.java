/**
 * The {@code rewire} command line: argument parsing (commons-cli), exit codes (0 ok, 2 bad input,
 * 1 internal error), progress and the final summary line. It sits on top of every other package.
 */
package dev.rewire.cli;
