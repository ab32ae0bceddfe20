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
	saves map[string]typedSave
	order []string // keys, in the order first typed
}

// keep remembers how to save what was typed under key (text gives it),
// replacing an earlier save of the same text.
func (t *typedText) keep(key string, save func() error, text func() string) {
	if t.saves == nil {
		t.saves = map[string]typedSave{}
	}
	if _, ok := t.saves[key]; !ok {
		t.order = append(t.order, key)
	}
	t.saves[key] = typedSave{save, text}
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

// typedSave is how to save one text typed, and the text itself, to give
// back to the user if it cannot be saved.
type typedSave struct {
	save func() error
	text func() string
}

// saveAll saves everything kept, in the order it was typed, and forgets
// it. A text that could not be saved (changed meanwhile on another desk,
// say) is given back in its error, so it can be copied.
func (t *typedText) saveAll() error {
	var errs []error
	for _, key := range slices.Clone(t.order) {
		s := t.saves[key]
		t.drop(key)
		if err := s.save(); err != nil {
			errs = append(errs, fmt.Errorf("%s: %w. What you typed was:\n\n%s", key, err, s.text()))
		}
	}
	return errors.Join(errs...)
}

// saveTyped saves what was typed and not saved yet, before the screen
// changes, and reports whether all of it was saved; it shows what could
// not be.
func (e *env) saveTyped() bool {
	if err := e.typed.saveAll(); err != nil {
		e.showError(fmt.Errorf("what you typed could not be saved: %w", err))
		return false
	}
	return true
}
