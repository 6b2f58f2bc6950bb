package cluster

import "time"

// WithinWindow reports whether two documents dated a and b may be paired
// under a time window: both dated at most window apart, or either undated
// (the zero time), or no window (window <= 0).
func WithinWindow(a, b time.Time, window time.Duration) bool {
	if window <= 0 || a.IsZero() || b.IsZero() {
		return true
	}
	d := a.Sub(b)
	return -window <= d && d <= window
}
