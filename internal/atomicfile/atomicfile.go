// Package atomicfile writes files that appear complete or not at all.
package atomicfile

import (
	"os"
	"path/filepath"
)

// Write makes path appear complete or not at all: fill writes a temporary
// file in the same directory, which is synced and renamed over path only
// if fill and every step after it succeed; the directory is synced after
// the rename. On error the temporary file is removed and path is left as
// it was (the old file, or none). The file gets mode 0644.
func Write(path string, fill func(*os.File) error) error {
	return write(path, fill, true)
}

// WriteUnsynced is Write without the syncs: readers never see a partial
// file under path, but a crash of the machine may leave it empty. It is
// for many small files that can be made again, where syncing each one
// costs more than making it.
func WriteUnsynced(path string, fill func(*os.File) error) error {
	return write(path, fill, false)
}

func write(path string, fill func(*os.File) error, durable bool) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = fill(f); err != nil {
		return err
	}
	if err = f.Chmod(0o644); err != nil {
		return err
	}
	if durable {
		if err = f.Sync(); err != nil {
			return err
		}
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(f.Name(), path); err != nil {
		return err
	}
	if durable {
		syncDir(filepath.Dir(path))
	}
	return nil
}

// syncDir makes a rename in dir durable where the system supports it;
// where it does not, the rename is what matters.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}
