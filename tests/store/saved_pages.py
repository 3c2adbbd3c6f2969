"""Saved-page-shaped test pages written for these tests (no third-party text): a news site
with cookie banner, site header, share bar, related links, aside, newsletter box and footer;
a ministry page laid out with tables and divs; a portal without <article>; a Russian news
page. Each gives the release's own paragraphs (`gold`, headline first) and boilerplate
strings that must not reach the reduced text (`boiler`)."""

PAGES = {
    'news-site': {
        "html": (
            '<!doctype html><html><head><title>Lavrov and Ryzhenkov hold talks in Minsk | Example News</title><script>var x=1;</script></head><body>\n'
            "<div class='cookie-banner'>We use cookies to improve your experience. <button>Accept all cookies</button></div>\n"
            "<header class='site-header'><a class='logo' href='/'>Example News</a><nav><ul><li><a href='/'>Home</a></li><li><a href='/world'>World</a></li><li><a href='/politics'>Politics</a></li></ul></nav></header>\n"
            "<main><article><h1>Lavrov and Ryzhenkov hold talks in Minsk</h1><div class='meta'>24 June 2024, 14:05</div>\n"
            "<div class='share-bar'><a href='#'>Share on Facebook</a> <a href='#'>Share on X</a></div>\n"
            "<div class='article-body'><p>Foreign Minister Sergey Lavrov held talks in Minsk on 24 June with his Belarusian counterpart Maxim Ryzhenkov, the ministry said on Tuesday.</p><p>The ministers discussed preparations for the session of the Supreme State Council of the Union State and coordination at the United Nations.</p><p>Bilateral trade reached $46.5 billion in 2023, up 7 per cent on the previous year, according to the ministry.</p><p>The sides agreed to hold the next round of consultations in Moscow in the autumn.</p></div>\n"
            "<div class='related'><h3>Related</h3><ul><li><a href='/a'>Read more: Minsk metro extension opens</a></li><li><a href='/b'>Read more: Trade fair in Vitebsk</a></li></ul></div>\n"
            '</article></main>\n'
            "<aside><h3>Most read</h3><ul><li><a href='/c'>Weather warning for the weekend</a></li></ul></aside>\n"
            "<div class='newsletter'><p>Subscribe to our newsletter for daily updates from the region and the world.</p><form><input></form></div>\n"
            "<footer><p>© 2024 Example News. All rights reserved.</p><a href='/privacy'>Privacy</a></footer></body></html>\n"
        ),
        "gold": [
            'Lavrov and Ryzhenkov hold talks in Minsk',
            'Foreign Minister Sergey Lavrov held talks in Minsk on 24 June with his Belarusian counterpart Maxim Ryzhenkov, the ministry said on Tuesday.',
            'The ministers discussed preparations for the session of the Supreme State Council of the Union State and coordination at the United Nations.',
            'Bilateral trade reached $46.5 billion in 2023, up 7 per cent on the previous year, according to the ministry.',
            'The sides agreed to hold the next round of consultations in Moscow in the autumn.',
        ],
        "boiler": ['Home', 'Politics', 'Accept all cookies', 'Read more: Minsk metro', 'Subscribe to our newsletter', '© 2024 Example News', 'Share on'],
    },
    'ministry-divs': {
        "html": (
            '<html><head><title>Andrei Rudenko meets the Ambassador of Viet Nam</title><style>.x{color:red}</style></head><body>\n'
            "<div id='menu'><a href='/'>Ministry</a> | <a href='/news'>News</a> | <a href='/contacts'>Contacts</a></div><div class='topbar'><a href='/blind'>Version for the visually impaired</a></div>\n"
            "<table width='100%'><tr><td class='left'><div class='sidebar'><a href='/1'>Minister</a><br><a href='/2'>Structure</a><br><a href='/3'>Foreign policy</a></div></td>\n"
            "<td class='content'><h1>Andrei Rudenko meets the Ambassador of Viet Nam</h1><div class='date'>05.03.2024</div><p>On 5 March, Deputy Foreign Minister Andrei Rudenko received the Ambassador of Viet Nam to Russia, Dang Minh Khoi, at his request.</p><p>They discussed the schedule of upcoming bilateral contacts and the implementation of agreements reached at the highest level.</p><p>Special attention was paid to the preparations for the Days of Russian Culture in Hanoi planned for the autumn.</p>\n"
            "<div class='print'><a href='?print=1'>Print version</a></div><div class='tags'>Tags: <a href='/t/1'>Viet Nam</a>, <a href='/t/2'>Asia</a></div><div class='mail'><a href='/send'>Send to a friend</a></div></td></tr></table>\n"
            "<div id='bottom'>Ministry of Foreign Affairs, 32/34 Smolenskaya-Sennaya Square</div></body></html>\n"
        ),
        "gold": [
            'Andrei Rudenko meets the Ambassador of Viet Nam',
            'On 5 March, Deputy Foreign Minister Andrei Rudenko received the Ambassador of Viet Nam to Russia, Dang Minh Khoi, at his request.',
            'They discussed the schedule of upcoming bilateral contacts and the implementation of agreements reached at the highest level.',
            'Special attention was paid to the preparations for the Days of Russian Culture in Hanoi planned for the autumn.',
        ],
        "boiler": ['Contacts', 'Version for the visually impaired', 'Print version', 'Tags:', 'Send to a friend'],
    },
    'portal-no-article': {
        "html": (
            "<html><head><title>Lukashenko meets Uzbek Prime Minister - Portal</title></head><body><div class='wrapper'><div class='navbar'><a href='/'>Main</a> <a href='/economy'>Economy</a> <a href='/society'>Society</a> <a href='/sport'>Sport</a></div>\n"
            "<div class='weather'>Weather: Minsk +21</div>\n"
            "<div class='col-main'><div class='news-item'><h1>Lukashenko meets Uzbek Prime Minister</h1><span class='time'>13:40</span><p>President Alexander Lukashenko met Prime Minister Abdulla Aripov of Uzbekistan in Minsk on Thursday.</p><p>The leaders reviewed cooperation in machine building, agriculture and pharmaceuticals; trade exceeded $1.1 billion last year.</p><p>Lukashenko said Belarus was ready to expand assembly production in Uzbekistan.</p><p>A road map for industrial cooperation until 2026 was signed after the talks.</p>\n"
            "<div class='gallery'><a href='/g'>Photo gallery</a></div><div class='comments'><a href='#c'>Comments (0)</a></div></div></div>\n"
            "<div class='col-right'><h4>Popular now</h4><div class='popular'><a href='/p1'>Minsk hosts a chess tournament for juniors</a><br><a href='/p2'>New bridge opens in Gomel region this summer</a></div>\n"
            "<div class='promo'><p>Download our mobile app and never miss the news that matters to you, wherever you are.</p></div></div></div></body></html>\n"
        ),
        "gold": [
            'Lukashenko meets Uzbek Prime Minister',
            'President Alexander Lukashenko met Prime Minister Abdulla Aripov of Uzbekistan in Minsk on Thursday.',
            'The leaders reviewed cooperation in machine building, agriculture and pharmaceuticals; trade exceeded $1.1 billion last year.',
            'Lukashenko said Belarus was ready to expand assembly production in Uzbekistan.',
            'A road map for industrial cooperation until 2026 was signed after the talks.',
        ],
        "boiler": ['Economy', 'Sport', 'Popular now', 'Comments (0)', 'Photo gallery', 'Weather'],
    },
    'russian-news': {
        "html": (
            "<html lang='ru'><head><meta charset='utf-8'><title>Лавров провёл переговоры в Сочи</title></head><body>\n"
            "<div id='cookies'>Мы используем файлы cookie. <a href='#'>Согласен</a></div><header><nav><a href='/'>Главная</a> <a href='/politika'>Политика</a> <a href='/ekonomika'>Экономика</a></nav></header>\n"
            "<div class='layout'><div class='article'><h1>Лавров провёл переговоры в Сочи</h1><time>12:30</time><p>Сергей Лавров провёл переговоры с министром иностранных дел Турции в Сочи.</p><p>Стороны обсудили ситуацию в регионе и торгово-экономическое сотрудничество; товарооборот в прошлом году превысил 60 млрд долларов.</p><p>Министры договорились продолжить консультации на уровне заместителей.</p>\n"
            "<div class='read-also'><b>Читайте также</b><ul><li><a href='/x'>В Сочи открылся форум молодых дипломатов</a></li></ul></div>\n"
            "<p class='subscribe'>Подписывайтесь на наш канал, чтобы первыми узнавать главные новости дня.</p></div></div>\n"
            '<footer>Сетевое издание, 2024</footer></body></html>\n'
        ),
        "gold": [
            'Лавров провёл переговоры в Сочи',
            'Сергей Лавров провёл переговоры с министром иностранных дел Турции в Сочи.',
            'Стороны обсудили ситуацию в регионе и торгово-экономическое сотрудничество; товарооборот в прошлом году превысил 60 млрд долларов.',
            'Министры договорились продолжить консультации на уровне заместителей.',
        ],
        "boiler": ['Главная', 'Экономика', 'Мы используем файлы cookie', 'Читайте также', 'Подписывайтесь'],
    },
}
