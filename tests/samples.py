"""Small survey files for tests: every question type, routing, and a KPI."""

ALL_TYPES = """
title = "Your review"
audience = "young_people"
summary = "Tell us about your review meeting."
minutes = 3

[[questions]]
key = "had_review"
type = "yesno"
text = "Did you have a review meeting?"

[[questions]]
key = "helpful"
type = "scale"
text = "How helpful was your review?"
dont_know = true
show_if = { question = "had_review", answers = ["yes"] }

[[questions]]
key = "topics"
type = "multiple"
text = "What did you talk about?"
required = false
options = [
  { value = "school", label = "School or college" },
  { value = "jobs", label = "Jobs" },
  { value = "home", label = "Where I live" },
]

[[questions]]
key = "who"
type = "single"
text = "Who helped you most?"
prefer_not = true
options = [
  { value = "family", label = "My family" },
  { value = "teacher", label = "A teacher" },
]

[[questions]]
key = "age"
type = "number"
text = "How old are you?"
required = false
min = 11
max = 25
prefer_not = true

[[questions]]
key = "comments"
type = "text"
text = "Is there anything else you want to tell us?"
required = false
max_length = 200

[[kpis]]
ref = "T 1"
statement = "Young people say their review was helpful"
priority_area = "Preparing for adulthood"
conditions = [{ question = "helpful", positive = ["4", "5"] }]
target = 80
target_date = 2025-06-30
milestones = [{ date = 2024-12-31, percent = 45 }]
"""

TWO_QUESTIONS = """
title = "Two questions"
audience = "parent_carers"
summary = "A short survey."
minutes = 1

[[questions]]
key = "involved"
type = "yesno"
text = "Did you feel involved?"

[[questions]]
key = "comments"
type = "text"
text = "Tell us more"
required = false
"""

# A gender question whose "another way" has a box for the person's own words under it.
GENDER = """
[[questions]]
key = "gender"
type = "single"
text = "Which of these describes your gender?"
required = false
section = "About you"
options = [
  { value = "girl", label = "Girl or young woman" },
  { value = "another_way", label = "I describe myself another way" },
]

[[questions]]
key = "gender_words"
type = "text"
text = "Your own words"
required = false
max_length = 100
under_answer = true
show_if = { question = "gender", answers = ["another_way"] }
"""
