/** process: the keyed CEL state machine (declared value/list/map state, onRecord/onTimer handlers, timers). */
package io.millrace.engine.operators.process;
