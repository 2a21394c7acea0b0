/**
 * The process machinery shared by the launchers: ports, starting a server with its output in a log file, waiting for
 * readiness, retrying a port clash, stopping a process and all its descendants, finding JDKs and Maven artifacts.
 * Nothing here knows a particular server.
 */
package io.millrace.localstack.process;
