"""Word pools for the synthetic corpus (benchmarks/make_corpus.py).

General knowledge only: countries, their adjectives and cities, common given names, surname
stems and endings per naming tradition, posts, topics. People are *generated* from these pools
(given name + composed surname), so no real person's biography is reproduced.
"""

from __future__ import annotations

# name, adjective, capital, other cities, naming tradition, long form (or None), weight
COUNTRIES: list[tuple[str, str, str, tuple[str, ...], str, str | None, int]] = [
    ("Belarus", "Belarusian", "Minsk", ("Brest", "Gomel", "Vitebsk", "Grodno", "Mogilev"), "slavic", "the Republic of Belarus", 40),
    ("China", "Chinese", "Beijing", ("Shanghai", "Harbin", "Guangzhou", "Tianjin", "Xi'an"), "chinese", "the People's Republic of China", 30),
    ("Kazakhstan", "Kazakh", "Astana", ("Almaty", "Shymkent", "Karaganda"), "turkic", "the Republic of Kazakhstan", 22),
    ("Serbia", "Serbian", "Belgrade", ("Novi Sad", "Nis"), "balkan", "the Republic of Serbia", 15),
    ("India", "Indian", "New Delhi", ("Mumbai", "Chennai", "Kolkata"), "indian", "the Republic of India", 18),
    ("Turkey", "Turkish", "Ankara", ("Istanbul", "Antalya", "Izmir"), "turkish", "the Republic of Turkey", 16),
    ("Iran", "Iranian", "Tehran", ("Isfahan", "Mashhad"), "persian", "the Islamic Republic of Iran", 14),
    ("Uzbekistan", "Uzbek", "Tashkent", ("Samarkand", "Bukhara"), "turkic", "the Republic of Uzbekistan", 14),
    ("Kyrgyzstan", "Kyrgyz", "Bishkek", ("Osh",), "turkic", "the Kyrgyz Republic", 12),
    ("Tajikistan", "Tajik", "Dushanbe", ("Khujand",), "persian", "the Republic of Tajikistan", 11),
    ("Armenia", "Armenian", "Yerevan", ("Gyumri",), "armenian", "the Republic of Armenia", 12),
    ("Azerbaijan", "Azerbaijani", "Baku", ("Ganja",), "turkic", "the Republic of Azerbaijan", 11),
    ("Vietnam", "Vietnamese", "Hanoi", ("Ho Chi Minh City", "Da Nang"), "vietnamese", "the Socialist Republic of Vietnam", 10),
    ("Mongolia", "Mongolian", "Ulaanbaatar", ("Darkhan",), "mongolian", None, 7),
    ("Egypt", "Egyptian", "Cairo", ("Alexandria",), "arabic", "the Arab Republic of Egypt", 10),
    ("Syria", "Syrian", "Damascus", ("Aleppo", "Latakia"), "arabic", "the Syrian Arab Republic", 10),
    ("Saudi Arabia", "Saudi", "Riyadh", ("Jeddah",), "arabic", "the Kingdom of Saudi Arabia", 9),
    ("United Arab Emirates", "Emirati", "Abu Dhabi", ("Dubai",), "arabic", None, 8),
    ("Algeria", "Algerian", "Algiers", ("Oran",), "arabic", "the People's Democratic Republic of Algeria", 7),
    ("Iraq", "Iraqi", "Baghdad", ("Basra", "Erbil"), "arabic", "the Republic of Iraq", 6),
    ("Jordan", "Jordanian", "Amman", ("Aqaba",), "arabic", "the Hashemite Kingdom of Jordan", 5),
    ("Qatar", "Qatari", "Doha", (), "arabic", "the State of Qatar", 6),
    ("Lebanon", "Lebanese", "Beirut", ("Tripoli",), "arabic", "the Lebanese Republic", 5),
    ("Brazil", "Brazilian", "Brasilia", ("Sao Paulo", "Rio de Janeiro"), "latin", "the Federative Republic of Brazil", 9),
    ("Argentina", "Argentine", "Buenos Aires", ("Cordoba",), "latin", "the Argentine Republic", 6),
    ("Cuba", "Cuban", "Havana", ("Santiago de Cuba",), "latin", "the Republic of Cuba", 8),
    ("Venezuela", "Venezuelan", "Caracas", ("Maracaibo",), "latin", "the Bolivarian Republic of Venezuela", 8),
    ("Nicaragua", "Nicaraguan", "Managua", (), "latin", "the Republic of Nicaragua", 5),
    ("Mexico", "Mexican", "Mexico City", ("Guadalajara",), "latin", "the United Mexican States", 5),
    ("Bolivia", "Bolivian", "La Paz", ("Santa Cruz",), "latin", None, 4),
    ("South Africa", "South African", "Pretoria", ("Cape Town", "Johannesburg", "Durban"), "african", "the Republic of South Africa", 8),
    ("Ethiopia", "Ethiopian", "Addis Ababa", (), "african", None, 6),
    ("Nigeria", "Nigerian", "Abuja", ("Lagos",), "african", None, 5),
    ("Kenya", "Kenyan", "Nairobi", ("Mombasa",), "african", None, 4),
    ("Angola", "Angolan", "Luanda", (), "african", None, 4),
    ("Mozambique", "Mozambican", "Maputo", (), "african", None, 3),
    ("Germany", "German", "Berlin", ("Munich", "Hamburg", "Frankfurt"), "germanic", "the Federal Republic of Germany", 10),
    ("France", "French", "Paris", ("Marseille", "Lyon", "Strasbourg"), "romance", "the French Republic", 9),
    ("Italy", "Italian", "Rome", ("Milan", "Venice", "Naples"), "romance", "the Italian Republic", 8),
    ("Hungary", "Hungarian", "Budapest", ("Debrecen",), "hungarian", None, 7),
    ("Austria", "Austrian", "Vienna", ("Salzburg",), "germanic", "the Republic of Austria", 5),
    ("Finland", "Finnish", "Helsinki", ("Turku",), "nordic", "the Republic of Finland", 5),
    ("Greece", "Greek", "Athens", ("Thessaloniki",), "greek", "the Hellenic Republic", 5),
    ("Cyprus", "Cypriot", "Nicosia", ("Limassol",), "greek", "the Republic of Cyprus", 3),
    ("Slovakia", "Slovak", "Bratislava", ("Kosice",), "slavic", "the Slovak Republic", 4),
    ("Bulgaria", "Bulgarian", "Sofia", ("Varna", "Plovdiv"), "balkan", "the Republic of Bulgaria", 4),
    ("Japan", "Japanese", "Tokyo", ("Osaka", "Kyoto"), "japanese", None, 7),
    ("Indonesia", "Indonesian", "Jakarta", ("Surabaya", "Bali"), "malay", "the Republic of Indonesia", 6),
    ("Malaysia", "Malaysian", "Kuala Lumpur", ("Penang",), "malay", None, 4),
    ("Laos", "Lao", "Vientiane", (), "vietnamese", "the Lao People's Democratic Republic", 3),
    ("Pakistan", "Pakistani", "Islamabad", ("Karachi", "Lahore"), "indian", "the Islamic Republic of Pakistan", 5),
    ("Afghanistan", "Afghan", "Kabul", ("Kandahar",), "persian", None, 4),
    ("Turkmenistan", "Turkmen", "Ashgabat", (), "turkic", None, 5),
    ("Abkhazia", "Abkhazian", "Sukhum", (), "caucasian", "the Republic of Abkhazia", 4),
    ("Georgia", "Georgian", "Tbilisi", ("Batumi",), "caucasian", None, 3),
    ("Moldova", "Moldovan", "Chisinau", (), "romance", "the Republic of Moldova", 4),
    ("Norway", "Norwegian", "Oslo", ("Bergen",), "nordic", "the Kingdom of Norway", 3),
    ("Sri Lanka", "Sri Lankan", "Colombo", (), "indian", None, 3),
    ("Myanmar", "Myanmar", "Naypyidaw", ("Yangon",), "malay", None, 3),
    ("Tunisia", "Tunisian", "Tunis", (), "arabic", None, 3),
    ("Libya", "Libyan", "Tripoli", ("Benghazi",), "arabic", None, 4),
    ("Sudan", "Sudanese", "Khartoum", (), "arabic", None, 3),
    ("Chile", "Chilean", "Santiago", ("Valparaiso",), "latin", None, 3),
    ("Peru", "Peruvian", "Lima", (), "latin", None, 3),
    ("Zimbabwe", "Zimbabwean", "Harare", (), "african", None, 3),
    ("Tanzania", "Tanzanian", "Dodoma", ("Dar es Salaam",), "african", None, 3),
]

# The side whose ministry publishes the archive.
HOSTS = {
    "Russia": ("Russian", "Moscow", ("St Petersburg", "Kazan", "Sochi", "Vladivostok", "Yekaterinburg", "Nizhny Novgorod", "Novosibirsk")),
    "Belarus": ("Belarusian", "Minsk", ("Brest", "Gomel", "Vitebsk", "Grodno", "Mogilev")),
}

REGIONS = [
    "Voronezh Oblast", "Tula Oblast", "Kaluga Oblast", "Smolensk Oblast", "Pskov Oblast", "Bryansk Oblast",
    "Kursk Oblast", "Tver Oblast", "Yaroslavl Oblast", "Novgorod Oblast", "Leningrad Oblast", "Moscow Oblast",
    "Samara Oblast", "Saratov Oblast", "Volgograd Oblast", "Rostov Oblast", "Omsk Oblast", "Tomsk Oblast",
    "Irkutsk Oblast", "Amur Oblast", "Sverdlovsk Oblast", "Chelyabinsk Oblast", "Tyumen Oblast", "Orenburg Oblast",
    "Krasnodar Territory", "Stavropol Territory", "Altai Territory", "Primorye Territory", "Khabarovsk Territory",
    "Perm Territory", "Krasnoyarsk Territory", "the Republic of Tatarstan", "the Republic of Bashkortostan",
    "the Chuvash Republic", "the Republic of Dagestan", "the Republic of Karelia", "the Republic of Sakha (Yakutia)",
    "Brest Oblast", "Gomel Oblast", "Grodno Oblast", "Mogilev Oblast", "Vitebsk Oblast", "Minsk Oblast",
]

MALE: dict[str, list[str]] = {
    "slavic": ["Sergey", "Alexander", "Andrei", "Dmitry", "Igor", "Mikhail", "Vladimir", "Nikolai", "Pavel", "Yuri", "Oleg", "Viktor", "Maxim", "Alexei", "Boris", "Konstantin", "Vadim", "Roman", "Ivan", "Anatoly", "Gennady", "Leonid", "Stanislav", "Valery", "Yevgeny", "Grigory", "Vyacheslav", "Denis", "Artyom", "Kirill"],
    "balkan": ["Aleksandar", "Nenad", "Milos", "Dragan", "Ivica", "Nikola", "Zoran", "Milorad", "Vuk", "Branko", "Goran", "Stefan", "Rumen", "Boyko"],
    "chinese": ["Yi", "Wei", "Qiang", "Jun", "Ming", "Gang", "Hui", "Jian", "Lei", "Tao", "Bo", "Peng", "Xiaoming", "Jianguo", "Zhiwei", "Haibo"],
    "turkic": ["Murat", "Nurlan", "Erlan", "Askar", "Timur", "Bakhtiyor", "Jeenbek", "Kanat", "Marat", "Rustam", "Sardor", "Daniyar", "Azamat", "Jeyhun", "Elmar", "Ilham", "Serdar", "Rashid"],
    "persian": ["Hossein", "Ali", "Mohammad", "Abbas", "Mehdi", "Reza", "Sirojiddin", "Emomali", "Faridun", "Hamid", "Javad", "Kamol"],
    "armenian": ["Ararat", "Armen", "Vahagn", "Tigran", "Gagik", "Sergey", "Levon", "Arsen", "Karen"],
    "caucasian": ["Giorgi", "Irakli", "Levan", "Aslan", "Inal", "Sergei", "David", "Zurab", "Beslan"],
    "indian": ["Subrahmanyam", "Rajesh", "Vikram", "Anil", "Pranab", "Sanjay", "Arun", "Ravi", "Imran", "Shahbaz", "Nirmal", "Mahinda"],
    "turkish": ["Mevlut", "Hakan", "Ahmet", "Mehmet", "Mustafa", "Emre", "Kemal", "Omer", "Suleyman"],
    "vietnamese": ["Minh", "Van", "Duc", "Quang", "Thanh", "Hung", "Tuan", "Long"],
    "mongolian": ["Batbold", "Enkhbayar", "Tsogt", "Ganbaatar", "Bat-Erdene", "Munkh"],
    "arabic": ["Ahmed", "Mohamed", "Sameh", "Faisal", "Khaled", "Walid", "Abdullah", "Fuad", "Omar", "Youssef", "Hassan", "Tarek", "Bassam", "Nabil"],
    "latin": ["Carlos", "Jorge", "Felix", "Bruno", "Mauro", "Santiago", "Luis", "Eduardo", "Miguel", "Andres", "Ricardo", "Diego"],
    "african": ["Cyril", "Ronald", "Abiy", "Bola", "Kwame", "Tendai", "Joao", "Amani", "Jakaya", "Emmerson",
                "Yusuf", "Samuel", "Daniel", "Joseph", "Thabo", "Sipho", "Olusegun", "Tekle", "Filipe", "Manuel"],
    "germanic": ["Frank-Walter", "Heiko", "Olaf", "Klaus", "Wolfgang", "Thomas", "Alexander", "Martin", "Michael", "Stefan"],
    "romance": ["Jean-Yves", "Laurent", "Francois", "Luigi", "Paolo", "Marco", "Antonio", "Nicolae", "Emmanuel", "Giorgio"],
    "hungarian": ["Peter", "Viktor", "Zoltan", "Laszlo", "Gabor", "Istvan"],
    "nordic": ["Pekka", "Timo", "Sauli", "Erkki", "Jonas", "Lars", "Espen"],
    "greek": ["Nikos", "Giorgos", "Kostas", "Dimitris", "Yiannis", "Andreas"],
    "japanese": ["Fumio", "Taro", "Yoshimasa", "Hiroshi", "Kenji", "Shinzo", "Takeshi"],
    "malay": ["Joko", "Retno", "Anwar", "Hishammuddin", "Aung", "Thant", "Budi"],
}
FEMALE: dict[str, list[str]] = {
    "slavic": ["Natalya", "Valentina", "Maria", "Olga", "Irina", "Yelena", "Tatyana", "Svetlana", "Anna", "Marina", "Lyudmila", "Yekaterina", "Galina", "Veronika"],
    "balkan": ["Ana", "Jelena", "Marija", "Tanja", "Milica"],
    "chinese": ["Hua", "Ying", "Lan", "Mei", "Xiaoyan", "Chunying"],
    "turkic": ["Aigul", "Dinara", "Gulnara", "Aida", "Saule"],
    "persian": ["Maryam", "Zahra", "Farzana"],
    "armenian": ["Anna", "Lilit", "Mariam"],
    "caucasian": ["Nino", "Tamar", "Salome"],
    "indian": ["Nirmala", "Sushma", "Meenakshi", "Priya", "Hina"],
    "turkish": ["Ayse", "Elif", "Zeynep"],
    "vietnamese": ["Lan", "Hoa", "Thuy"],
    "mongolian": ["Oyun", "Saran"],
    "arabic": ["Leila", "Amal", "Rania", "Najla"],
    "latin": ["Dilma", "Delcy", "Rosario", "Maria", "Cristina", "Gabriela"],
    "african": ["Naledi", "Grace", "Amina", "Lindiwe"],
    "germanic": ["Annalena", "Angela", "Karin", "Ursula", "Sabine"],
    "romance": ["Catherine", "Giulia", "Federica", "Maia", "Sophie"],
    "hungarian": ["Katalin", "Judit"],
    "nordic": ["Tarja", "Sanna", "Elina", "Ine"],
    "greek": ["Dora", "Katerina"],
    "japanese": ["Yoko", "Yoshiko", "Keiko"],
    "malay": ["Retno", "Siti", "Sri"],
}
# Surnames are stem + ending, so each tradition yields hundreds of distinct names.
STEMS: dict[str, list[str]] = {
    "slavic": ["Petr", "Sokol", "Volk", "Belousov", "Zhuk", "Morozov", "Orl", "Gusev", "Krut", "Lebed", "Kozl", "Medved", "Zaitsev", "Romanov", "Grom", "Kuzmin", "Pankrat", "Bondar", "Vasil", "Yakovl", "Frol", "Tkach", "Kovalen", "Markevich", "Gorb", "Dubin", "Shved", "Kravch", "Rudn", "Tarasov", "Ryab", "Chernysh", "Sergeen", "Alein", "Mezents", "Kosach", "Lyubim", "Klimov", "Zakharov", "Mironov", "Nikit", "Gavril", "Burl", "Polyan", "Savel", "Sidor", "Zuev", "Golov", "Nesterov", "Artamon"],
    "balkan": ["Vuc", "Popov", "Dac", "Stanis", "Jovan", "Markov", "Nikol", "Petkov", "Dimitr", "Selak", "Lazar", "Ristic", "Tomas", "Milos", "Pavlov", "Georgiev", "Radev", "Kostadin"],
    "chinese": ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Zhao", "Huang", "Zhou", "Wu", "Xu", "Sun", "Ma", "Zhu", "Hu", "Guo", "He", "Gao", "Lin", "Luo", "Zheng", "Liang", "Xie", "Song", "Tang", "Han", "Feng", "Deng", "Cao", "Peng"],
    "turkic": ["Nurtle", "Kulubae", "Tokaye", "Aliye", "Bayramo", "Mirziyoye", "Saidov", "Abdulla", "Tasmagambeto", "Karimo", "Bakiye", "Japaro", "Mamyto", "Kasymo", "Mukhtaro", "Rahimo", "Berdimuhamedo", "Meredo", "Nazarbaye", "Sultano", "Omaro", "Ibragimo", "Usmano", "Asano", "Zhumabae", "Iskako"],
    "persian": ["Muhriddin", "Rahmon", "Zarif", "Araghchi", "Amir-Abdollahian", "Rezaei", "Mousavi", "Hosseini", "Jalili", "Larijani", "Safarov", "Nazarov", "Qurbonov", "Sharifi", "Karimi", "Tehrani", "Ahmadi", "Sadeghi", "Mohammadi", "Ghorbani"],
    "armenian": ["Mirzoy", "Kocharyan", "Sarkis", "Grigor", "Hovhannis", "Avetis", "Manukyan", "Papoy", "Harutyun", "Petros", "Vardan", "Khachatur", "Ghazary", "Nalbandy", "Martirosy"],
    "caucasian": ["Gunba", "Ardzinba", "Bzhania", "Chirikba", "Ankvab", "Beridze", "Kapanadze", "Lomidze", "Gelashvili", "Tsereteli", "Japaridze", "Kvaratskhelia", "Abashidze", "Lortkipanidze"],
    "indian": ["Jaishankar", "Sharma", "Verma", "Gupta", "Mehta", "Reddy", "Nair", "Iyer", "Patel", "Singh", "Rao", "Menon", "Das", "Khan", "Qureshi", "Dar", "Sitharaman", "Swaraj", "Kapoor", "Chatterjee"],
    "turkish": ["Cavusoglu", "Fidan", "Yilmaz", "Demir", "Kaya", "Celik", "Aydin", "Ozturk", "Arslan", "Dogan", "Kilic", "Aksoy", "Bolat", "Erdem", "Kurt"],
    "vietnamese": ["Nguyen", "Tran", "Le", "Pham", "Hoang", "Vu", "Dang", "Bui", "Do", "Ngo", "Duong", "Ly"],
    "mongolian": ["Battsetseg", "Enkhtaivan", "Ganzorig", "Purevsuren", "Bayarsaikhan", "Tsogtbaatar", "Damdin", "Luvsan", "Ochir", "Sukhbaatar"],
    "arabic": ["Shoukry", "Mekdad", "Al-Saud", "Al Nahyan", "Lamamra", "Hussein", "Safadi", "Al Thani", "Bou Habib", "Abdelaty", "Mansour", "Haddad", "Khoury", "Nasser", "Saleh", "Hamdan", "Rahman", "Aziz", "Karim", "Farouk", "Zayed", "Qasim", "Salem", "Amin"],
    "latin": ["Rodriguez", "Fernandez", "Gonzalez", "Lopez", "Martinez", "Gomez", "Diaz", "Perez", "Sanchez", "Romero", "Herrera", "Medina", "Castro", "Vargas", "Ortega", "Moncada", "Pinto", "Vieira", "Silva", "Santos", "Cardoso", "Arce", "Gil", "Ebrard"],
    "african": ["Ramaphosa", "Pandor", "Lamola", "Mekonnen", "Tinubu", "Tuggar", "Mnangagwa", "Murwira", "Kabila", "Dlamini", "Mokoena", "Okafor", "Adeyemi", "Mwangi", "Otieno", "Makamba", "Nyusi", "Lourenco", "Tete", "Mbeki",
                "Abebe", "Tesfaye", "Girma", "Bekele", "Obi", "Eze", "Nwosu", "Balogun", "Kamau", "Wanjiru",
                "Ndlovu", "Moyo", "Banda", "Phiri", "Mensah", "Boateng", "Kariuki", "Chissano", "Guebuza", "Mahlangu"],
    "germanic": ["Steinmeier", "Schneider", "Fischer", "Weber", "Wagner", "Becker", "Hoffmann", "Schulz", "Koch", "Richter", "Klein", "Wolf", "Schroeder", "Neumann", "Braun", "Zimmermann", "Hartmann", "Lange", "Kraus", "Baumann"],
    "romance": ["Le Drian", "Colonna", "Dupont", "Moreau", "Laurent", "Girard", "Bernard", "Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Greco", "Conti", "Ricci", "Popescu", "Ionescu", "Ceban", "Gavrilita"],
    "hungarian": ["Szijjarto", "Orban", "Nagy", "Kovacs", "Toth", "Szabo", "Horvath", "Varga", "Kiss", "Molnar", "Nemeth", "Farkas"],
    "nordic": ["Haavisto", "Niinisto", "Virtanen", "Korhonen", "Makinen", "Nieminen", "Lehtonen", "Hansen", "Johansen", "Larsen", "Eide", "Store"],
    "greek": ["Dendias", "Gerapetritis", "Papadopoulos", "Georgiou", "Nikolaidis", "Christodoulou", "Kotzias", "Vlachos", "Karamanlis", "Samaras"],
    "japanese": ["Kishida", "Kamikawa", "Hayashi", "Motegi", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura", "Kobayashi"],
    "malay": ["Marsudi", "Widodo", "Saifuddin", "Hasan", "Aung", "Win", "Tun", "Sulaiman", "Rahman", "Ismail", "Hakim", "Wibowo"],
}
ENDINGS: dict[str, list[str]] = {
    "slavic": ["", "ov", "ev", "in", "enko", "sky", "ovich", "evich", "chuk", "nikov", "kin", "ovsky", "ishin"],
    "balkan": ["", "ic", "ovic", "evic", "ov", "ev", "ski"],
    "turkic": ["v", "va", "", "ov", "bekov", "uly", "zade", "li"],
    "armenian": ["an", "yan", "ian", "", "ov"],
}
FEMALE_ENDINGS = {"ov": "ova", "ev": "eva", "in": "ina", "sky": "skaya", "kin": "kina", "nikov": "nikova",
                  "ovsky": "ovskaya", "ishin": "ishina", "bekov": "bekova", "v": "va"}

# posts of a country's officials: (short title, how it reads before a name with the country)
POSTS = [
    ("President", "President of {long}", 1, 0.6),
    ("Prime Minister", "Prime Minister of {long}", 1, 0.7),
    ("Foreign Minister", "Minister of Foreign Affairs of {long}", 1, 1.0),
    ("Deputy Foreign Minister", "Deputy Minister of Foreign Affairs of {long}", 3, 0.6),
    ("Minister of Economic Development", "Minister of Economy of {long}", 1, 0.4),
    ("Minister of Industry and Trade", "Minister of Industry and Trade of {long}", 1, 0.35),
    ("Minister of Culture", "Minister of Culture of {long}", 1, 0.3),
    ("Minister of Energy", "Minister of Energy of {long}", 1, 0.25),
    ("Speaker of Parliament", "Speaker of the Parliament of {long}", 1, 0.3),
    ("Ambassador", "Ambassador of {country} to {host}", 1, 0.5),
    ("Secretary of the Security Council", "Secretary of the Security Council of {long}", 1, 0.2),
]
HOST_POSTS = [
    ("President", 1, 1.0), ("Prime Minister", 1, 0.5), ("Foreign Minister", 1, 2.5),
    ("Deputy Foreign Minister", 8, 1.6), ("Minister of Economic Development", 1, 0.4),
    ("Minister of Industry and Trade", 1, 0.35), ("Minister of Culture", 1, 0.4),
    ("Minister of Energy", 1, 0.3), ("Speaker of the Federation Council", 1, 0.3),
    ("Chairman of the State Duma", 1, 0.2), ("Deputy Prime Minister", 3, 0.4),
    ("Special Presidential Envoy", 2, 0.2), ("Director of the Information and Press Department", 1, 0.25),
]

ORGS = [
    ("the Collective Security Treaty Organization", "CSTO"), ("the Shanghai Cooperation Organisation", "SCO"),
    ("BRICS", "BRICS"), ("the Eurasian Economic Union", "EAEU"), ("the Commonwealth of Independent States", "CIS"),
    ("the Union State", "Union State"), ("the United Nations", "UN"), ("the Organisation of Islamic Cooperation", "OIC"),
    ("the Association of Southeast Asian Nations", "ASEAN"), ("the African Union", "AU"), ("the Group of Twenty", "G20"),
    ("the Gulf Cooperation Council", "GCC"), ("the League of Arab States", "Arab League"),
    ("the Community of Latin American and Caribbean States", "CELAC"), ("the Council of the Baltic Sea States", "CBSS"),
]

TOPICS = [
    "the situation in the Middle East", "the settlement in Syria", "the Korean Peninsula", "Afghanistan",
    "strategic stability", "the fight against international terrorism", "information security",
    "the peaceful use of outer space", "the Iranian nuclear programme", "the Caspian Sea", "the Arctic",
    "the situation in Transcaucasia", "energy security", "food security", "climate change",
    "transport corridors", "the North-South corridor", "migration", "drug trafficking",
    "the reform of the UN Security Council", "the Black Sea region", "the Balkans", "Libya", "Yemen",
    "the Sahel", "the Horn of Africa", "Venezuela", "the Asia-Pacific region", "the Persian Gulf",
    "biological security", "cross-border crime", "sanctions pressure", "settlements in national currencies",
    "the protection of compatriots", "the rights of national minorities", "nuclear disarmament",
    "the non-proliferation regime", "the Palestinian-Israeli conflict", "cybercrime", "the grain deal",
]
SECTORS = [
    "energy", "agriculture", "transport", "education", "healthcare", "tourism", "science and technology",
    "the peaceful use of nuclear energy", "space exploration", "mechanical engineering", "pharmaceuticals",
    "the digital economy", "logistics", "banking", "mining", "fisheries", "military-technical cooperation",
    "humanitarian aid", "sport", "youth exchanges", "the automotive industry", "shipbuilding", "aviation",
]
GOODS = [
    ("crude oil", "million tonnes"), ("wheat", "million tonnes"), ("fertilisers", "million tonnes"),
    ("coal", "million tonnes"), ("natural gas", "billion cubic metres"), ("sunflower oil", "thousand tonnes"),
    ("timber", "million cubic metres"), ("potash", "million tonnes"), ("dairy products", "thousand tonnes"),
    ("meat", "thousand tonnes"), ("tractors", "units"), ("trucks", "units"), ("buses", "units"),
]
CURRENCIES = [("$", None), ("USD ", None), (None, "euros"), ("RUB ", None), (None, "roubles"), (None, "yuan")]
ART = ["Arts", "Folk Art", "Cinema", "Theatre", "Classical Music", "Ballet", "Children's Creativity",
       "Documentary Film", "Jazz", "Choral Music", "Literature", "Photography", "Decorative Arts"]
FESTIVAL_NAMES = ["Golden Autumn", "White Nights", "Silk Road", "Friendship Bridge", "Amber Coast",
                  "Northern Lights", "Spring Melodies", "Open Sky", "Eurasian Voices", "Star of the East",
                  "Blue Danube", "Winter Fairy Tale", "Horizons", "Crossroads", "Heritage", "Living Tradition"]
MEMORIALS = ["the Tomb of the Unknown Soldier", "the Victory Monument", "the Eternal Flame",
             "the Memorial to Soviet Soldiers", "the monument to the Liberator Soldier",
             "the memorial complex to the victims of the war", "the monument to fallen diplomats",
             "the Memorial to the Defenders of the Fatherland", "the Alley of Glory"]
MUSEUMS = ["the State Historical Museum", "the National Art Museum", "the Museum of the Great Patriotic War",
           "the National Library", "the Palace of Culture", "the State Philharmonic", "the National Museum of History",
           "the Museum of Fine Arts", "the Cultural Centre", "the House of Friendship"]
EXHIBITIONS = ["Roads of Friendship", "Diplomacy in Documents", "Two Centuries of Partnership", "Shared Victory",
               "Faces of the Epoch", "Through the Eyes of Travellers", "Pages of History", "Masters of the North",
               "Treasures of the Steppe", "The Art of the Word", "Bridges Across Time", "Keepers of Memory"]
HISTORIC_EVENTS = [
    ("the liberation of {country} from the Nazi invaders", (1944, 1945)), ("the Battle of Stalingrad", (1943, 1943)),
    ("the end of the Second World War", (1945, 1945)), ("the lifting of the siege of Leningrad", (1944, 1944)),
    ("the first manned space flight", (1961, 1961)), ("the establishment of diplomatic relations", (1946, 1992)),
    ("the signing of the Treaty of Friendship", (1950, 2001)), ("the founding of the Union State", (1999, 1999)),
]
