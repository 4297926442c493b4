/**
 * What a run leaves behind: {@link dev.rewire.output.RunRecorder} listens to a simulation and keeps
 * the statistics, digests and structural counts; {@link dev.rewire.output.Summary} is the summary
 * JSON other tools read, written atomically by {@link dev.rewire.output.SummaryWriter}.
 */
package dev.rewire.output;
