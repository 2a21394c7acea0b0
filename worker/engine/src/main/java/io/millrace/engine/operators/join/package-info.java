/** join (window and interval modes) and lookup-join; state names and bounds in docs/operators.md. */
package io.millrace.engine.operators.join;
