package cluster

import (
	"testing"
	"time"
)

func TestWithinWindow(t *testing.T) {
	day := time.Date(2024, 3, 1, 12, 0, 0, 0, time.UTC)
	var none time.Time
	for _, tt := range []struct {
		a, b   time.Time
		window time.Duration
		want   bool
	}{
		{day, day.Add(72 * time.Hour), 72 * time.Hour, true},
		{day, day.Add(72*time.Hour + time.Second), 72 * time.Hour, false},
		{day.Add(72*time.Hour + time.Second), day, 72 * time.Hour, false}, // either order
		{day, day.AddDate(5, 0, 0), 0, true},                              // no window
		{day, none, time.Hour, true},                                      // undated pairs with all
		{none, none, time.Hour, true},
	} {
		if got := WithinWindow(tt.a, tt.b, tt.window); got != tt.want {
			t.Errorf("WithinWindow(%v, %v, %v) = %v, want %v", tt.a, tt.b, tt.window, got, tt.want)
		}
	}
}
