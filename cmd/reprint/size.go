package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// parseSize reads a byte count such as 512MiB, 2GiB, 1.5GB or 1000000.
func parseSize(s string) (int64, error) {
	units := []struct {
		suffix string
		mult   float64
	}{
		{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40},
		{"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12},
		{"K", 1 << 10}, {"M", 1 << 20}, {"G", 1 << 30}, {"B", 1},
	}
	t := strings.TrimSpace(s)
	mult := 1.0
	for _, u := range units {
		if strings.HasSuffix(t, u.suffix) {
			t, mult = strings.TrimSpace(strings.TrimSuffix(t, u.suffix)), u.mult
			break
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < 0 || f*mult > 1<<62 {
		return 0, fmt.Errorf("bad size %q: want a number of bytes with an optional unit (KiB, MiB, GiB, KB, MB, GB)", s)
	}
	return int64(f * mult), nil
}

// maxDefaultMem caps the default --mem: with it a scan of a million
// articles stays under 4 GiB of RSS (measured: 3.34 GiB); a user with
// memory to spare raises --mem to spill less.
const maxDefaultMem = 3 << 30

// defaultMem is a quarter of the machine's memory, as reported by
// /proc/meminfo, at most maxDefaultMem, or 2GiB where that cannot be read.
func defaultMem() string {
	f, err := os.Open("/proc/meminfo")
	if err != nil {
		return "2GiB"
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		fields := strings.Fields(sc.Text())
		if len(fields) >= 2 && fields[0] == "MemTotal:" {
			if kb, err := strconv.ParseInt(fields[1], 10, 64); err == nil && kb > 0 {
				return fmt.Sprintf("%dMiB", min(kb*1024/4, maxDefaultMem)>>20)
			}
		}
	}
	return "2GiB"
}

// parseWindow reads a duration such as 72h, 90m or 7d; "" means none.
func parseWindow(s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	if days, ok := strings.CutSuffix(s, "d"); ok {
		n, err := strconv.ParseFloat(days, 64)
		if err != nil || n <= 0 {
			return 0, fmt.Errorf("bad duration %q: want e.g. 72h or 7d", s)
		}
		return time.Duration(n * 24 * float64(time.Hour)), nil
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("bad duration %q: want e.g. 72h or 7d", s)
	}
	return d, nil
}
