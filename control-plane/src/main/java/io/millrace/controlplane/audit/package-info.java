/** The audit log: one entry per API write (who, tenant, what, when, before/after hash), queryable by tenant admins. */
package io.millrace.controlplane.audit;
