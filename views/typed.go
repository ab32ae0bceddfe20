package views

import (
	"errors"
	"fmt"
	"slices"
)

// typedText keeps the texts typed on a screen and not yet saved with their
// button, such as a meeting's summary or an agenda item's notes. They are
// saved when the user moves on (to another section, agenda item or
// meeting, or by closing the window), so leaving never loses what was
// typed.
type typedText struct {
	saves map[string]func() error
	order []string // keys, in the order first typed
}

// keep remembers how to save what was typed under key, replacing an
// earlier save of the same text.
func (t *typedText) keep(key string, save func() error) {
	if t.saves == nil {
		t.saves = map[string]func() error{}
	}
	if _, ok := t.saves[key]; !ok {
		t.order = append(t.order, key)
	}
	t.saves[key] = save
}

// drop forgets key: it was saved, or typed back to what is stored.
func (t *typedText) drop(key string) {
	if _, ok := t.saves[key]; !ok {
		return
	}
	delete(t.saves, key)
	t.order = slices.DeleteFunc(t.order, func(k string) bool { return k == key })
}

// pending says whether something typed is not saved yet.
func (t *typedText) pending() bool { return len(t.saves) > 0 }

// saveAll saves everything kept, in the order it was typed, and forgets
// what was saved; a text that could not be saved is kept, and its error
// returned.
func (t *typedText) saveAll() error {
	var errs []error
	for _, key := range slices.Clone(t.order) {
		if err := t.saves[key](); err != nil {
			errs = append(errs, err)
			continue
		}
		t.drop(key)
	}
	return errors.Join(errs...)
}

// saveTyped saves what was typed and not saved yet, before the screen
// changes; it says so if something could not be saved.
func (e *env) saveTyped() {
	if err := e.typed.saveAll(); err != nil {
		e.showError(fmt.Errorf("what you typed could not be saved, and is still on its screen: %w", err))
	}
}
