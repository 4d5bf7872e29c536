"""Common first names in England, for suggesting which words in a comment name a person.

A small list is enough: most names in comments follow a cue ("my son", "Mrs", "the
caseworker") that personal.py reads without a list. These catch the rest.
"""

from app.analysis.text.tokens import word_set

FIRST_NAMES = word_set(
    """
    Aaliyah Aaron Abdul Abdullah Abigail Adam Adrian Ahmed Aisha Alex Alexander Alfie Ali
    Alice Amara Amelia Amir Amy Andrew Anna Archie Aria Arthur Ava Ayesha Barbara Bella
    Ben Benjamin Bethany Billy Bogdan Bradley Callum Carl Caroline Charlie Charlotte Chloe
    Chris Christine Claire Connor Craig Daniel Darren David Dean Deborah Dylan Edward
    Eleanor Elijah Elizabeth Ella Ellie Emily Emma Erin Ethan Evie Fatima Finley Freddie
    Freya Gareth Gemma George Georgia Hannah Harper Harrison Harry Harvey Hassan Hayley
    Helen Henry Hollie Hussain Ibrahim Imran Isaac Isabella Isabelle Isla Jacob Jake James
    Jamie Jane Jasmine Jason Jayden Jennifer Jessica Joanne Joe John Jordan Joseph Joshua
    Julie Karen Kasia Katie Kayleigh Kelly Kerry Kevin Kieran Kirsty Laura Lauren Layla
    Leah Lee Leo Lewis Liam Logan Louis Louise Lucas Lucy Luke Maisie Maria Marie Mason
    Matilda Matthew Megan Mia Michael Michelle Mohammed Mohammad Muhammad Mustafa Nathan
    Neil Nicola Niamh Noah Oliver Olivia Omar Oscar Owen Paul Phoebe Priya Rachel Rebecca
    Reece Rhys Richard Riley Robert Ryan Sadia Samantha Samuel Sara Sarah Scarlett Sean
    Sharon Simon Sophia Sophie Stacey Stephen Steven Stuart Susan Szymon Theo Thomas Tom
    Tommy Tracey Tyler Victoria Wiktoria Wojciech William Yasmin Yusuf Zainab Zara Zoe
    Will May June April Grace Hope Faith Joy Rose Holly Ivy Summer Amber Ruby Daisy Poppy
    Mark Bill Frank Pat Dawn Jade Robin Violet Lily Ray Max Jack Sky Autumn
    """
)

# Names that are also everyday words: a name only where a capital cannot be explained by
# the start of a sentence ("Will they ring back?" asks nothing of Will).
ALSO_WORDS = word_set(
    """Will May June April Grace Hope Faith Joy Rose Holly Ivy Summer Amber Ruby Daisy
    Poppy Mark Bill Frank Pat Dawn Jade Robin Violet Lily Ray Max Jack Sky Autumn"""
)
