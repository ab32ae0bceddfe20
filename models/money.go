package models

import (
	"math"
	"strconv"
)

// Money is the programme's money as the executive report shows it: the
// expected annual benefit of the initiatives under way by health (amber
// and red are the value at risk; proposals not started apart), budget against spend, and benefit realised
// against expected. Cancelled initiatives count nowhere, but what was
// spent on them is kept apart, so the sum of a register's spend column
// is explained.
type Money struct {
	ExpectedByHealth map[Health]float64 // initiatives under way
	NotStarted       float64            // expected benefit of proposals not started
	Budget, Spend    float64
	Expected         float64 // every initiative not cancelled
	Realised         float64
	CancelledSpend   float64 // spent on initiatives since cancelled
}

// MoneyOf adds up the initiatives' money.
func MoneyOf(list []Initiative) Money {
	m := Money{ExpectedByHealth: map[Health]float64{}}
	for _, i := range list {
		if i.Status == InitiativeCancelled {
			m.CancelledSpend += i.SpendToDate
			continue
		}
		switch {
		case i.Status.UnderWay():
			m.ExpectedByHealth[i.Health] += i.ExpectedBenefit
		case i.Status == InitiativeProposed:
			m.NotStarted += i.ExpectedBenefit
		}
		m.Budget += i.Budget
		m.Spend += i.SpendToDate
		m.Expected += i.ExpectedBenefit
		m.Realised += i.RealisedBenefit
	}
	return m
}

// AtRisk is the expected benefit of initiatives under way that are amber or red.
func (m Money) AtRisk() float64 {
	return m.ExpectedByHealth[HealthAmber] + m.ExpectedByHealth[HealthRed]
}

// OpenExpected is the expected benefit of every initiative under way.
func (m Money) OpenExpected() float64 {
	return m.ExpectedByHealth[HealthGreen] + m.AtRisk()
}

// Share is part of whole as a fraction, 0 when whole is 0.
func Share(part, whole float64) float64 {
	if whole == 0 {
		return 0
	}
	return part / whole
}

// FormatMoney writes an amount rounded to whole units with thousands
// separators, in a currency (an ISO code): "€240,000", "12,500 NOK".
func FormatMoney(v float64, currency string) string {
	n := strconv.FormatFloat(math.Abs(math.Round(v)), 'f', 0, 64)
	for i := len(n) - 3; i > 0; i -= 3 {
		n = n[:i] + "," + n[i:]
	}
	if v < 0 && math.Round(v) != 0 {
		n = "-" + n
	}
	if sym := CurrencySymbol(currency); sym != "" {
		return sym + n
	}
	if currency == "" {
		return n
	}
	return n + " " + currency
}

// CurrencySymbol is the common symbol of a currency (an ISO code), or ""
// when it has none that readers would all know.
func CurrencySymbol(code string) string {
	switch code {
	case "EUR":
		return "€"
	case "GBP":
		return "£"
	case "USD":
		return "$"
	case "JPY":
		return "¥"
	case "INR":
		return "₹"
	}
	return ""
}
